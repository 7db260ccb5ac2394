namespace Segmentation.LoadGenerator.Measurement;

/// <summary>What a run has done: over the interval since the previous sample, and in total.</summary>
public sealed record ProgressSnapshot
{
    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The schedule's target rate now.</summary>
    public double TargetEventsPerSecond { get; init; }

    /// <summary>The length of the interval.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>Events acknowledged in the interval, per second.</summary>
    public double IntervalEventsPerSecond { get; init; }

    /// <summary>Acknowledgement latency percentiles of the interval, in milliseconds (0 when none).</summary>
    public double IntervalP50Ms { get; init; }

    public double IntervalP99Ms { get; init; }

    /// <summary>Acknowledgement latency percentiles since the start, in milliseconds.</summary>
    public double OverallP50Ms { get; init; }

    public double OverallP99Ms { get; init; }

    /// <summary>Events sent (first attempts) since the start.</summary>
    public long EventsSent { get; init; }

    /// <summary>Events acknowledged since the start.</summary>
    public long EventsAcknowledged { get; init; }

    /// <summary>Answers other than acceptance and 429 since the start, plus transport failures.</summary>
    public long Errors { get; init; }

    /// <summary>429 answers since the start.</summary>
    public long Throttled { get; init; }

    /// <summary>Requests in flight now.</summary>
    public int InFlight { get; init; }
}
