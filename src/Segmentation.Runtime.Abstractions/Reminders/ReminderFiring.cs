namespace Segmentation.Runtime;

/// <summary>One firing of a reminder: the time it was due (use it, not the wall clock, for determinism).</summary>
public sealed record ReminderFiring(string Name, DateTimeOffset DueAt, TimeSpan Period);
