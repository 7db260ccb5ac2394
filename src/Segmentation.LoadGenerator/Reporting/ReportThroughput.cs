namespace Segmentation.LoadGenerator.Reporting;

/// <summary>Offered and achieved rates.</summary>
public sealed record ReportThroughput
{
    /// <summary>The schedule's average rate over the duration (ramp included).</summary>
    public required double OfferedEventsPerSecond { get; init; }

    /// <summary>Acknowledged events divided by the time from the start to the last acknowledgement.</summary>
    public required double AcknowledgedEventsPerSecond { get; init; }

    /// <summary>Acknowledged requests per second, on the same time base.</summary>
    public required double AcknowledgedRequestsPerSecond { get; init; }
}
