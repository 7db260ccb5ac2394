namespace Segmentation.LoadGenerator.Sending;

/// <summary>How a <see cref="RateControlledSender"/> run ended.</summary>
public sealed record SendSummary
{
    /// <summary>Events the schedule offered in its duration.</summary>
    public long EventsScheduled { get; init; }

    /// <summary>Events that never left: the run was stopped or the drain deadline passed first.</summary>
    public long EventsUnsent { get; init; }

    /// <summary>True when the caller stopped the run before the schedule ended.</summary>
    public bool Stopped { get; init; }

    /// <summary>True when the drain deadline passed with batches still unacknowledged or unsent.</summary>
    public bool DeadlineReached { get; init; }

    /// <summary>From the start to the end of the run, drain included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The most requests that were in flight at once.</summary>
    public int MaxInFlight { get; init; }
}
