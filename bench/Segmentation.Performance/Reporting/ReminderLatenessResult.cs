namespace Segmentation.Performance.Reporting;

/// <summary>Reminder firing lateness from the silo (due time to delivery), over the run before the kill.</summary>
public sealed record ReminderLatenessResult(long Firings, double P50Ms, double P99Ms, double MaxMs);
