namespace Segmentation.Performance.Reporting;

/// <summary>Everything measured on the PostgreSQL baseline.</summary>
/// <param name="PostgresVersion">The server's major version.</param>
/// <param name="RefreshIntervalSeconds">How often the segment counts were recomputed.</param>
/// <param name="Throughput">The rate staircase.</param>
/// <param name="Freshness">Freshness probes under steady load.</param>
/// <param name="Refreshes">Refreshes done.</param>
/// <param name="LongestRefreshMs">The longest refresh.</param>
public sealed record BaselineResults(
    string PostgresVersion,
    double RefreshIntervalSeconds,
    ThroughputResult Throughput,
    FreshnessResult Freshness,
    long Refreshes,
    double LongestRefreshMs);
