namespace Segmentation.LoadGenerator.Sending;

/// <summary>How a <see cref="RateControlledSender"/> paces and bounds its requests.</summary>
public sealed record SenderOptions
{
    /// <summary>When events become due.</summary>
    public required RateSchedule Schedule { get; init; }

    /// <summary>The most events per request.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>The most requests in flight at once.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>How long after the schedule's end unacknowledged batches may still be sent, retried and answered.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often one batch is sent again after a 429 before its events count as failed.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>The pause after a 429 that names no Retry-After.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(1);
}
