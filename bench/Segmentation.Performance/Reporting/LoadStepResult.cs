namespace Segmentation.Performance.Reporting;

/// <summary>One step of a rate staircase: a load generator run at one offered rate, and whether the target kept up.</summary>
/// <param name="OfferedEventsPerSecond">The rate the step offered after its short ramp.</param>
/// <param name="AcknowledgedEventsPerSecond">Events acknowledged per second over the step.</param>
/// <param name="Scheduled">Events the step offered.</param>
/// <param name="Acknowledged">Events acknowledged (durable).</param>
/// <param name="Lost">Events failed, abandoned at the drain deadline or never sent.</param>
/// <param name="Throttled">Requests answered 429 (the target shedding load).</param>
/// <param name="AckP50Ms">Acknowledgement latency median.</param>
/// <param name="AckP99Ms">Acknowledgement latency 99th percentile.</param>
/// <param name="FromScheduleP99Ms">99th percentile from the time a batch was due, waiting for a free connection included.</param>
/// <param name="KeptUp">Every event acknowledged, no 429, and the p99 from schedule within the bound.</param>
/// <param name="Verdict">Why it did or did not keep up, in words.</param>
/// <param name="ReportFile">The load generator's JSON report of the step.</param>
public sealed record LoadStepResult(
    double OfferedEventsPerSecond,
    double AcknowledgedEventsPerSecond,
    long Scheduled,
    long Acknowledged,
    long Lost,
    long Throttled,
    double AckP50Ms,
    double AckP99Ms,
    double FromScheduleP99Ms,
    bool KeptUp,
    string Verdict,
    string ReportFile);
