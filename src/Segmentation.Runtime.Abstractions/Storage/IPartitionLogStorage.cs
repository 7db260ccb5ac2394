namespace Segmentation.Runtime.Storage;

/// <summary>The durable partition logs: appends, reads after an offset, and checkpoints with snapshots.</summary>
public interface IPartitionLogStorage
{
    /// <summary>
    /// Appends records of any partitions in one atomic write that is durable when the task completes
    /// (the group commit). Offsets are assigned by the caller and must continue each partition's log.
    /// </summary>
    Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The highest offset ever appended to the partition (0 for an empty log), truncation included.</summary>
    Task<long> ReadLastOffsetAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>The records of a partition with an offset above <paramref name="afterOffset"/>, in order.</summary>
    IAsyncEnumerable<LogRecord> ReadAsync(int partition, long afterOffset, CancellationToken cancellationToken = default);

    /// <summary>The offset of the last checkpoint (0 when none).</summary>
    Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default);

    Task<GrainSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Writes snapshots, reminder changes and the checkpoint offset in one transaction.</summary>
    Task WriteCheckpointAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken = default);
}
