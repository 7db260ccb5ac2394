using System.Runtime.CompilerServices;
using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.InMemory;

public sealed partial class InMemorySiloStorage
{
    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// A record does not continue its partition's log (offset = last offset + 1, in batch order) or is invalid;
    /// nothing was written.
    /// </exception>
    public Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            var lastOffsets = StorageArguments.ContinueOffsets(records, _lastOffsets);
            foreach (var record in records)
            {
                _partitions[record.Partition].Records.Add(
                    record with { Payload = Copy(record.Payload), Time = ToUtc(record.Time), Body = null });
            }

            _lastOffsets = lastOffsets;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> ReadLastOffsetAsync(int partition, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            StorageArguments.CheckPartition(partition, _partitions.Length, nameof(partition));
            return Task.FromResult(_lastOffsets[partition]);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The entries are those of the records stored when the enumeration starts (a snapshot, as in the SQLite
    /// provider); records deleted by a checkpoint are not returned. The locator is the offset.
    /// </remarks>
    public IAsyncEnumerable<LogIndexEntry> ReadIndexAsync(int partition, long afterOffset, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterOffset);
        lock (_gate)
        {
            ThrowIfNotOpen();
            StorageArguments.CheckPartition(partition, _partitions.Length, nameof(partition));
        }

        return ReadIndexEntriesAsync(partition, afterOffset, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LogRecord>> ReadRecordsAsync(
        int partition, IReadOnlyList<LogIndexEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        var records = new LogRecord[entries.Count];
        lock (_gate)
        {
            ThrowIfNotOpen();
            StorageArguments.CheckPartition(partition, _partitions.Length, nameof(partition));
            var log = _partitions[partition].Records;
            for (var i = 0; i < entries.Count; i++)
            {
                var index = CountThrough(log, entries[i].Locator) - 1;
                if (index < 0 || log[index].Offset != entries[i].Offset || log[index].Target != entries[i].Target)
                {
                    throw new InvalidOperationException(
                        $"Record {partition}:{entries[i].Offset} is no longer stored: a checkpoint deleted it.");
                }

                records[i] = log[index] with { Payload = Copy(log[index].Payload) };
            }
        }

        return Task.FromResult<IReadOnlyList<LogRecord>>(records);
    }

    /// <inheritdoc />
    public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            StorageArguments.CheckPartition(partition, _partitions.Length, nameof(partition));
            return Task.FromResult(_partitions[partition].CheckpointOffset);
        }
    }

    /// <inheritdoc />
    public Task<GrainSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckGrainId(grainId, nameof(grainId));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            return Task.FromResult(
                _snapshots.TryGetValue(grainId, out var snapshot) ? snapshot with { Data = Copy(snapshot.Data) } : null);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The stored checkpoint offset never moves back: a lower one leaves it as it is. The records the checkpoint
    /// allows to delete are deleted in the same step.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The checkpoint offset is above the last appended offset, TruncateThrough lies outside 0..CheckpointOffset,
    /// or a snapshot or reminder change is invalid; nothing was written.
    /// </exception>
    public Task WriteCheckpointAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            StorageArguments.CheckPartition(checkpoint.Partition, _partitions.Length, nameof(checkpoint));
            var log = _partitions[checkpoint.Partition];
            StorageArguments.CheckCheckpoint(checkpoint, _partitions.Length, _lastOffsets[checkpoint.Partition]);

            foreach (var snapshot in checkpoint.Snapshots)
            {
                _snapshots[snapshot.GrainId] = snapshot with { Data = Copy(snapshot.Data) };
            }

            ApplyReminderChanges(checkpoint.ReminderChanges);
            log.CheckpointOffset = Math.Max(log.CheckpointOffset, checkpoint.CheckpointOffset);
            Truncate(log.Records, checkpoint.TruncateThrough, checkpoint.TruncateBefore);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LogRecord>> ReadGrainRecordsAsync(
        GrainId grainId, long? beforeOffset, int limit, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckGrainRead(grainId, beforeOffset, limit);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new List<LogRecord>();
        lock (_gate)
        {
            ThrowIfNotOpen();
            var before = beforeOffset ?? long.MaxValue;
            foreach (var partition in _partitions)
            {
                // Newest first within the partition, from the last record below the position.
                var records = partition.Records;
                var taken = 0;
                for (var i = CountThrough(records, before - 1) - 1; i >= 0 && taken < limit; i--)
                {
                    if (records[i].Target == grainId)
                    {
                        found.Add(records[i] with { Payload = Copy(records[i].Payload) });
                        taken++;
                    }
                }
            }
        }

        // A grain's records are in one partition; the sort only matters for a caller that broke placement.
        IReadOnlyList<LogRecord> result = found
            .OrderByDescending(static record => record.Offset)
            .ThenBy(static record => record.Partition)
            .Take(limit)
            .ToList();
        return Task.FromResult(result);
    }

    // Deletes the records at or below an offset (0: none) whose time is before the given instant (null: any time).
    private static void Truncate(List<LogRecord> records, long throughOffset, DateTimeOffset? before)
    {
        if (throughOffset <= 0)
        {
            return;
        }

        var count = CountThrough(records, throughOffset);
        if (before is not { } cutoff)
        {
            records.RemoveRange(0, count);
            return;
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (records[i].Time >= cutoff)
            {
                records[kept++] = records[i];
            }
        }

        records.RemoveRange(kept, count - kept);
    }

    private async IAsyncEnumerable<LogIndexEntry> ReadIndexEntriesAsync(
        int partition, long afterOffset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LogIndexEntry[] entries;
        lock (_gate)
        {
            ThrowIfNotOpen();
            var log = _partitions[partition].Records;
            var skip = CountThrough(log, afterOffset);
            entries = new LogIndexEntry[log.Count - skip];
            for (var i = 0; i < entries.Length; i++)
            {
                var record = log[skip + i];
                entries[i] = new LogIndexEntry(record.Offset, record.Target, record.Offset);
            }
        }

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }
    }

    // The number of leading records with an offset at or below the given one (offsets ascend in a log).
    private static int CountThrough(List<LogRecord> records, long offset)
    {
        int low = 0, high = records.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (records[middle].Offset <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
