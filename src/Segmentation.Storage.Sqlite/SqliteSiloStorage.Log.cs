using Microsoft.Data.Sqlite;
using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite.Sql;

namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    /// <inheritdoc />
    public Task<long> ReadLastOffsetAsync(int partition, CancellationToken cancellationToken = default) =>
        ReadPartitionOffsetAsync(LogSql.SelectLastOffset, partition, cancellationToken);

    /// <inheritdoc />
    public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default) =>
        ReadPartitionOffsetAsync(LogSql.SelectCheckpoint, partition, cancellationToken);

    /// <inheritdoc />
    public Task<GrainSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckGrainId(grainId, nameof(grainId));
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = LogSql.SelectSnapshot;
        command.Parameters.AddWithValue("$grain_type", grainId.Type);
        command.Parameters.AddWithValue("$grain_key", grainId.Key);
        using var reader = command.ExecuteReader();
        return Task.FromResult(
            reader.Read() ? new GrainSnapshot(grainId, reader.GetFieldValue<byte[]>(0), reader.GetInt64(1)) : null);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: upserts the snapshots, applies the reminder changes in order, raises the checkpoint offset
    /// (it never moves back: a lower one leaves it as it is), adds the records it newly covers to the grain index
    /// (but those it deletes at once), and deletes the records at or below
    /// <see cref="PartitionCheckpoint.TruncateThrough"/> (when above 0) whose time is before
    /// <see cref="PartitionCheckpoint.TruncateBefore"/> (when given).
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The checkpoint offset is above the last appended offset, TruncateThrough lies outside 0..CheckpointOffset,
    /// or a snapshot or reminder change is invalid; nothing was written.
    /// </exception>
    public Task WriteCheckpointAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return WriteAsync(commands => WriteCheckpoint(commands, checkpoint), cancellationToken);
    }

    private void WriteCheckpoint(WriteCommands commands, PartitionCheckpoint checkpoint)
    {
        var partition = checkpoint.Partition;
        StorageArguments.CheckPartition(partition, _partitionCount, nameof(checkpoint));
        StorageArguments.CheckCheckpoint(checkpoint, _partitionCount, _lastOffsets[partition]);
        var stored = _checkpoints[partition];
        var covered = Math.Max(stored, checkpoint.CheckpointOffset);
        var (indexed, truncated) = InTransaction(commands, () =>
        {
            var upsert = commands.UpsertSnapshot;
            foreach (var snapshot in checkpoint.Snapshots)
            {
                Bind(upsert, 0, snapshot.GrainId.Type);
                Bind(upsert, 1, snapshot.GrainId.Key);
                Bind(upsert, 2, partition);
                Bind(upsert, 3, snapshot.AppliedOffset);
                Bind(upsert, 4, snapshot.Data);
                upsert.ExecuteNonQuery();
            }

            ApplyReminderChanges(commands, checkpoint.ReminderChanges);
            var indexFrom = checkpoint.TruncateBefore is null ? Math.Max(stored, checkpoint.TruncateThrough) : stored;
            var indexed = covered > indexFrom ? IndexRecords(commands, partition, indexFrom, covered) : 0;
            Bind(commands.SetCheckpoint, 0, checkpoint.CheckpointOffset);
            Bind(commands.SetCheckpoint, 1, partition);
            commands.SetCheckpoint.ExecuteNonQuery();
            var truncated = checkpoint.TruncateThrough > 0
                ? Prune(commands, partition, checkpoint.TruncateThrough, checkpoint.TruncateBefore)
                : 0;
            return (indexed, truncated);
        });

        _checkpoints[partition] = covered;
        _logger.CheckpointWritten(
            partition, covered, checkpoint.Snapshots.Count, checkpoint.ReminderChanges.Count, indexed, truncated);
    }

    // The offsets expected..next-1 are missing: only a checkpoint deletes records, and only at or below its offset.
    private void CheckDeletedOnlyThroughCheckpoint(int partition, long expected, long next, long checkpoint)
    {
        if (next > expected && next - 1 > checkpoint)
        {
            throw Inconsistent(
                partition, Math.Max(expected, checkpoint + 1), $"records up to offset {next - 1} are missing above the checkpoint {checkpoint}");
        }
    }

    private InvalidOperationException Inconsistent(int partition, long offset, string detail) => new(
        $"The log of partition {partition} in '{_databasePath}' is inconsistent at offset {offset} ({detail}): " +
        "the database file is damaged.");

    private Task<long> ReadPartitionOffsetAsync(string sql, int partition, CancellationToken cancellationToken)
    {
        ThrowIfNotOpen();
        StorageArguments.CheckPartition(partition, _partitionCount, nameof(partition));
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$partition", partition);
        return Task.FromResult((long)command.ExecuteScalar()!);
    }
}
