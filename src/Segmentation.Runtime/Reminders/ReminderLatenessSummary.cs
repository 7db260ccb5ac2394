namespace Segmentation.Runtime.Reminders;

/// <summary>
/// How late reminder firings reached their grains since the silo became ready (firings replayed by recovery are not
/// counted again). Percentiles are exact to the millisecond up to 10 s; beyond that they are the maximum.
/// </summary>
/// <param name="Count">Firings delivered.</param>
/// <param name="P50">Median lateness.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">The latest delivery, exact.</param>
public sealed record ReminderLatenessSummary(long Count, TimeSpan P50, TimeSpan P99, TimeSpan Max);
