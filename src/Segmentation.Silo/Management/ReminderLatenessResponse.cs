using Segmentation.Runtime.Reminders;

namespace Segmentation.Silo.Management;

/// <summary>Reminder firing lateness in milliseconds: from the due time to the turn that delivers the firing.</summary>
/// <param name="Count">Firings delivered since the silo became ready.</param>
/// <param name="P50Ms">Median, rounded up to the millisecond.</param>
/// <param name="P99Ms">99th percentile, rounded up to the millisecond (the maximum when beyond 10 s).</param>
/// <param name="MaxMs">The latest delivery.</param>
public sealed record ReminderLatenessResponse(long Count, double P50Ms, double P99Ms, double MaxMs)
{
    public static ReminderLatenessResponse From(ReminderLatenessSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Count, summary.P50.TotalMilliseconds, summary.P99.TotalMilliseconds, summary.Max.TotalMilliseconds);
    }
}
