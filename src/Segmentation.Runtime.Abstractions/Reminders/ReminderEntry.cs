namespace Segmentation.Runtime.Storage;

/// <summary>
/// A pending reminder: due at <see cref="DueAt"/>, then every <see cref="Period"/> (zero: one-shot).
/// Stored under (grain, name) and indexed by (partition, due time).
/// </summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, int Partition, DateTimeOffset DueAt, TimeSpan Period)
{
    public bool IsPeriodic => Period > TimeSpan.Zero;
}
