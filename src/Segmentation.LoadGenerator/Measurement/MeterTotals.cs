namespace Segmentation.LoadGenerator.Measurement;

/// <summary>The counters of a <see cref="LoadMeter"/> at one moment.</summary>
public sealed record MeterTotals
{
    /// <summary>Batches that left at least once.</summary>
    public long BatchesSent { get; init; }

    /// <summary>Events in the batches that left at least once.</summary>
    public long EventsSent { get; init; }

    /// <summary>Events in acknowledged batches.</summary>
    public long EventsAcknowledged { get; init; }

    /// <summary>Events in batches refused for good, failed in transport, or out of retries.</summary>
    public long EventsFailed { get; init; }

    /// <summary>Events in batches still unacknowledged when the drain deadline passed.</summary>
    public long EventsAbandoned { get; init; }

    /// <summary>Delivery attempts, retries included.</summary>
    public long Requests { get; init; }

    /// <summary>Attempts answered 2xx.</summary>
    public long RequestsAcknowledged { get; init; }

    /// <summary>Attempts that were retries of a throttled batch.</summary>
    public long Retries { get; init; }

    /// <summary>Attempts answered 429 (or 503 with Retry-After).</summary>
    public long Throttled { get; init; }

    /// <summary>Attempts answered with any other error, or failed in transport.</summary>
    public long Errors { get; init; }

    /// <summary>Batches that left more than <see cref="LoadMeter.LateThreshold"/> after they were due.</summary>
    public long LateBatches { get; init; }

    /// <summary>The most a batch left after it was due.</summary>
    public TimeSpan MaxScheduleLag { get; init; }

    /// <summary>When (after the start) the last acknowledgement arrived.</summary>
    public TimeSpan LastAcknowledgedAt { get; init; }
}
