namespace Segmentation.Runtime.Storage;

/// <summary>
/// The durable partition logs: appends, index reads after an offset with the records' bodies read on demand, reads of
/// one grain's records, and checkpoints with snapshots.
/// </summary>
public interface IPartitionLogStorage
{
    /// <summary>
    /// Appends records of any partitions in one atomic write that is durable when the task completes
    /// (the group commit). Offsets are assigned by the caller and must continue each partition's log.
    /// </summary>
    Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default);

    /// <summary>The highest offset ever appended to the partition (0 for an empty log), truncation included.</summary>
    Task<long> ReadLastOffsetAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>
    /// The index of a partition's records with an offset above <paramref name="afterOffset"/>, in order: offset,
    /// target grain and locator, without kinds, payloads or times. Records deleted by a checkpoint (at or below it)
    /// are missing; those above the checkpoint are all there. Entries of one grain share one <see cref="GrainId"/>
    /// and entries of one grain type one type name where the provider builds them, so an index of many records
    /// costs little more than its entries.
    /// </summary>
    IAsyncEnumerable<LogIndexEntry> ReadIndexAsync(int partition, long afterOffset, CancellationToken cancellationToken = default);

    /// <summary>
    /// The records of <paramref name="entries"/> (read from the partition's index by <see cref="ReadIndexAsync"/>),
    /// in the order of the entries. A record stays readable until a checkpoint at or above its offset deletes it,
    /// so records no checkpoint covers can always be read.
    /// </summary>
    /// <exception cref="InvalidOperationException">A record is no longer stored, or its row holds another record.</exception>
    Task<IReadOnlyList<LogRecord>> ReadRecordsAsync(
        int partition, IReadOnlyList<LogIndexEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored records addressed to one grain (its full identity: type and key), newest first: those with an
    /// offset below <paramref name="beforeOffset"/> (null: from the newest), at most <paramref name="limit"/>.
    /// A grain lives in one partition (placement is by key), so offsets order its records. Records deleted by a
    /// checkpoint are not returned.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beforeOffset"/> is negative or <paramref name="limit"/> is below 1.</exception>
    Task<IReadOnlyList<LogRecord>> ReadGrainRecordsAsync(
        GrainId grainId, long? beforeOffset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The offset of the last checkpoint (0 when none).</summary>
    Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default);

    Task<GrainSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes snapshots, reminder changes and the checkpoint offset in one transaction, and deletes the log records
    /// the checkpoint allows (see <see cref="PartitionCheckpoint"/>).
    /// </summary>
    Task WriteCheckpointAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken = default);
}
