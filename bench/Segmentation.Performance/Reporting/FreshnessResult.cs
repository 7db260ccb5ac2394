namespace Segmentation.Performance.Reporting;

/// <summary>
/// Segment freshness under load: from sending a probe event (a new customer's <c>Latency Probe</c>) to the first
/// answer of the segment count that includes it.
/// </summary>
/// <param name="Probes">Probes counted.</param>
/// <param name="Unseen">Probes whose count never came within the wait.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">The slowest probe.</param>
/// <param name="BackgroundEventsPerSecond">The load offered meanwhile.</param>
public sealed record FreshnessResult(long Probes, long Unseen, double P50Ms, double P99Ms, double MaxMs, double BackgroundEventsPerSecond);
