namespace Segmentation.Runtime.Storage;

/// <summary>
/// The argument rules every <see cref="ISiloStorage"/> provider enforces before it writes anything, so that
/// all providers reject the same calls with the same messages.
/// </summary>
public static class StorageArguments
{
    public static void CheckPartitionCount(int partitionCount) =>
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1);

    public static void CheckPartition(int partition, int partitionCount, string paramName)
    {
        if ((uint)partition >= (uint)partitionCount)
        {
            throw new ArgumentOutOfRangeException(
                paramName, partition, $"Partition {partition} does not exist: the store has partitions 0..{partitionCount - 1}.");
        }
    }

    public static void CheckState(GrainId grainId, string stateName, byte[]? data, bool dataRequired)
    {
        CheckGrainId(grainId, nameof(grainId));
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (dataRequired)
        {
            ArgumentNullException.ThrowIfNull(data);
        }
    }

    public static void CheckGrainId(GrainId grainId, string paramName)
    {
        if (grainId.Type is null)
        {
            throw new ArgumentException("The grain id is the default value; it names no grain.", paramName);
        }
    }

    /// <summary>Checks a batch of appends and returns each partition's last offset after it.</summary>
    /// <exception cref="ArgumentException">A record is invalid or does not continue its partition's log.</exception>
    public static long[] ContinueOffsets(IReadOnlyList<LogRecord> records, long[] lastOffsets)
    {
        ArgumentNullException.ThrowIfNull(records);
        var next = (long[])lastOffsets.Clone();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Record {i} of the batch is null.", nameof(records));
            if ((uint)record.Partition >= (uint)next.Length)
            {
                throw new ArgumentException(
                    $"Record {i} of the batch is for partition {record.Partition}, but the store has partitions " +
                    $"0..{next.Length - 1}. Nothing was written.",
                    nameof(records));
            }

            var expected = next[record.Partition] + 1;
            if (record.Offset != expected)
            {
                throw new ArgumentException(
                    $"Record {i} of the batch has offset {record.Offset} for partition {record.Partition}, but that " +
                    $"partition's log continues at offset {expected}. Nothing was written.",
                    nameof(records));
            }

            CheckGrainId(record.Target, nameof(records));
            if (string.IsNullOrEmpty(record.Kind) || record.Payload is null)
            {
                throw new ArgumentException(
                    $"Record {i} of the batch (partition {record.Partition}, offset {record.Offset}) needs a kind and " +
                    "a payload. Nothing was written.",
                    nameof(records));
            }

            next[record.Partition] = record.Offset;
        }

        return next;
    }

    /// <summary>
    /// Checks a checkpoint against the partition's log. An offset below the stored checkpoint is allowed (a
    /// snapshot written with a checkpoint offset read before a newer checkpoint landed): providers keep the
    /// higher of the two, as the checkpoint never moves back.
    /// </summary>
    /// <exception cref="ArgumentException">The checkpoint is invalid for the partition's current log.</exception>
    public static void CheckCheckpoint(PartitionCheckpoint checkpoint, int partitionCount, long lastOffset)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        CheckPartition(checkpoint.Partition, partitionCount, nameof(checkpoint));
        var partition = checkpoint.Partition;
        if (checkpoint.CheckpointOffset < 0 || checkpoint.CheckpointOffset > lastOffset)
        {
            throw new ArgumentException(
                $"Checkpoint offset {checkpoint.CheckpointOffset} of partition {partition} must lie between 0 and the " +
                $"last appended offset {lastOffset}. Nothing was written.",
                nameof(checkpoint));
        }

        if (checkpoint.TruncateThrough < 0 || checkpoint.TruncateThrough > checkpoint.CheckpointOffset)
        {
            throw new ArgumentException(
                $"TruncateThrough {checkpoint.TruncateThrough} of partition {partition} must lie between 0 and the " +
                $"checkpoint offset {checkpoint.CheckpointOffset}: records not covered by a checkpoint are never " +
                "deleted. Nothing was written.",
                nameof(checkpoint));
        }

        ArgumentNullException.ThrowIfNull(checkpoint.Snapshots, nameof(checkpoint));
        for (var i = 0; i < checkpoint.Snapshots.Count; i++)
        {
            var snapshot = checkpoint.Snapshots[i];
            if (snapshot is null || snapshot.Data is null || snapshot.AppliedOffset < 0)
            {
                throw new ArgumentException(
                    $"Snapshot {i} of the checkpoint of partition {partition} is null, has no data or has a negative " +
                    "applied offset. Nothing was written.",
                    nameof(checkpoint));
            }

            CheckGrainId(snapshot.GrainId, nameof(checkpoint));
        }

        CheckReminderChanges(checkpoint.ReminderChanges, partitionCount, nameof(checkpoint));
    }

    /// <exception cref="ArgumentException">A change is invalid.</exception>
    public static void CheckReminderChanges(IReadOnlyList<ReminderChange> changes, int partitionCount, string paramName)
    {
        ArgumentNullException.ThrowIfNull(changes, paramName);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i] ?? throw new ArgumentException($"Reminder change {i} is null.", paramName);
            CheckGrainId(change.GrainId, paramName);
            if (string.IsNullOrEmpty(change.Name))
            {
                throw new ArgumentException($"Reminder change {i} of {change.GrainId} has no name.", paramName);
            }

            if (change.Entry is not { } entry)
            {
                continue;
            }

            if (entry.GrainId != change.GrainId || entry.Name != change.Name)
            {
                throw new ArgumentException(
                    $"Reminder change {i} is for '{change.Name}' of {change.GrainId} but carries the entry " +
                    $"'{entry.Name}' of {entry.GrainId}.",
                    paramName);
            }

            if ((uint)entry.Partition >= (uint)partitionCount || entry.Period < TimeSpan.Zero)
            {
                throw new ArgumentException(
                    $"Reminder '{entry.Name}' of {entry.GrainId} has partition {entry.Partition} (the store has " +
                    $"0..{partitionCount - 1}) and period {entry.Period} (must not be negative).",
                    paramName);
            }
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">The position is negative or the limit is below 1.</exception>
    public static void CheckGrainRead(GrainId grainId, long? beforeOffset, int limit)
    {
        CheckGrainId(grainId, nameof(grainId));
        if (beforeOffset is { } before)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(before, nameof(beforeOffset));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
    }

    public static void CheckDueQuery(int partition, int limit, int partitionCount)
    {
        CheckPartition(partition, partitionCount, nameof(partition));
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
    }
}
