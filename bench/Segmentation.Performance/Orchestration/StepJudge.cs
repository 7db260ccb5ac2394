using Segmentation.LoadGenerator;
using Segmentation.Performance.Reporting;
using static System.FormattableString;

namespace Segmentation.Performance.Orchestration;

/// <summary>
/// Whether a step's target kept up with the offered rate: every event acknowledged (durable), no 429 (the target
/// shedding load), and the 99th percentile from schedule (queueing for a connection included) within a bound.
/// </summary>
public static class StepJudge
{
    /// <summary>The bound on the p99 latency from schedule: beyond it a backlog is building.</summary>
    public static readonly TimeSpan MaxScheduleP99 = TimeSpan.FromSeconds(2);

    /// <summary>The result of a step that offered <paramref name="rate"/>, from its load generator report.</summary>
    public static LoadStepResult Judge(LoadReport report, double rate, string reportFile)
    {
        ArgumentNullException.ThrowIfNull(report);
        var events = report.Events;
        var lost = events.Failed + events.Abandoned + events.Unsent;
        var fromSchedule = report.LatencyFromSchedule.P99Ms;
        var verdict =
            lost > 0 ? Invariant($"lost {lost:N0} of {events.Scheduled:N0} events")
            : events.Acknowledged < events.Scheduled ? Invariant($"acknowledged {events.Acknowledged:N0} of {events.Scheduled:N0}")
            : report.Requests.Throttled > 0 ? Invariant($"answered 429 {report.Requests.Throttled:N0} times")
            : fromSchedule > MaxScheduleP99.TotalMilliseconds ? Invariant($"p99 from schedule {fromSchedule:N0} ms > {MaxScheduleP99.TotalMilliseconds:N0} ms")
            : "kept up";
        return new LoadStepResult(
            rate,
            report.Throughput.AcknowledgedEventsPerSecond,
            events.Scheduled,
            events.Acknowledged,
            lost,
            report.Requests.Throttled,
            report.AckLatency.P50Ms,
            report.AckLatency.P99Ms,
            fromSchedule,
            verdict == "kept up",
            verdict,
            reportFile);
    }

    /// <summary>
    /// The highest step kept up: the rate it offered (every event of it acknowledged) and its latencies, with every step.
    /// </summary>
    public static ThroughputResult Summarize(IReadOnlyList<LoadStepResult> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var best = steps.Where(static s => s.KeptUp).MaxBy(static s => s.OfferedEventsPerSecond);
        return best is null
            ? new ThroughputResult(0, 0, 0, steps)
            : new ThroughputResult(best.OfferedEventsPerSecond, best.AckP50Ms, best.AckP99Ms, steps);
    }
}
