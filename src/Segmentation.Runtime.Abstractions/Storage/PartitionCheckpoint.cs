namespace Segmentation.Runtime.Storage;

/// <summary>
/// What one checkpoint of a partition writes, in one transaction: the snapshots of grains changed since the
/// last one, the reminder changes they made, and the offset through which every applied record is covered.
/// Log records at or below <see cref="TruncateThrough"/> may be deleted (0 keeps them all).
/// </summary>
public sealed record PartitionCheckpoint(
    int Partition,
    long CheckpointOffset,
    IReadOnlyList<GrainSnapshot> Snapshots,
    IReadOnlyList<ReminderChange> ReminderChanges,
    long TruncateThrough);
