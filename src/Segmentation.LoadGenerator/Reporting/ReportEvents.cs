namespace Segmentation.LoadGenerator.Reporting;

/// <summary>What happened to the events of a run. <c>Scheduled = Sent + Unsent</c> and <c>Sent = Acknowledged + Failed + Abandoned</c>.</summary>
public sealed record ReportEvents
{
    /// <summary>Events the schedule offered within the duration.</summary>
    public required long Scheduled { get; init; }

    /// <summary>Events whose batch left at least once.</summary>
    public required long Sent { get; init; }

    /// <summary>Events whose batch was answered 2xx.</summary>
    public required long Acknowledged { get; init; }

    /// <summary>Events whose batch was refused, failed in transport, or ran out of retries.</summary>
    public required long Failed { get; init; }

    /// <summary>Events whose batch was still unanswered at the drain deadline.</summary>
    public required long Abandoned { get; init; }

    /// <summary>Events that never left (stopped, or the deadline came first).</summary>
    public required long Unsent { get; init; }
}
