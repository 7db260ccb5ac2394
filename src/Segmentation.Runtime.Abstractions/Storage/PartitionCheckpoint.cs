namespace Segmentation.Runtime.Storage;

/// <summary>
/// What one checkpoint of a partition writes, in one transaction: the snapshots of grains changed since the
/// last one, the reminder changes they made, and the offset through which every applied record is covered.
/// </summary>
/// <remarks>
/// A log record may be deleted only when both conditions hold: its offset is at or below
/// <see cref="TruncateThrough"/> (0 keeps every record), and its time is before <see cref="TruncateBefore"/>
/// (null: any time, so every record at or below <see cref="TruncateThrough"/> goes). Records are deleted one by
/// one, so the log may have holes at or below the checkpoint; everything after the checkpoint, which recovery
/// replays, is always complete.
/// </remarks>
public sealed record PartitionCheckpoint(
    int Partition,
    long CheckpointOffset,
    IReadOnlyList<GrainSnapshot> Snapshots,
    IReadOnlyList<ReminderChange> ReminderChanges,
    long TruncateThrough,
    DateTimeOffset? TruncateBefore = null);
