using System.Runtime.CompilerServices;
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
    /// <remarks>
    /// The records are read in one read transaction, so they are those committed when the enumeration starts
    /// (appends made while enumerating are not returned); records deleted by a checkpoint are not returned. A
    /// record whose row does not match its span, or a missing record above the checkpoint, ends the enumeration
    /// with an <see cref="InvalidOperationException"/> (a damaged file).
    /// </remarks>
    public IAsyncEnumerable<LogRecord> ReadAsync(int partition, long afterOffset, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterOffset);
        ThrowIfNotOpen();
        StorageArguments.CheckPartition(partition, _partitionCount, nameof(partition));
        return ReadRecordsAsync(partition, afterOffset, cancellationToken);
    }

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
    public async Task WriteCheckpointAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var commands = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var partition = checkpoint.Partition;
            StorageArguments.CheckPartition(partition, _partitionCount, nameof(checkpoint));
            StorageArguments.CheckCheckpoint(checkpoint, _partitionCount, _lastOffsets[partition]);

            using var transaction = _writeConnection!.BeginTransaction();
            commands.Enlist(transaction);
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
            var stored = _checkpoints[partition];
            var covered = Math.Max(stored, checkpoint.CheckpointOffset);
            var indexFrom = checkpoint.TruncateBefore is null ? Math.Max(stored, checkpoint.TruncateThrough) : stored;
            var indexed = covered > indexFrom ? IndexRecords(commands, partition, indexFrom, covered) : 0;
            Bind(commands.SetCheckpoint, 0, checkpoint.CheckpointOffset);
            Bind(commands.SetCheckpoint, 1, partition);
            commands.SetCheckpoint.ExecuteNonQuery();
            var truncated = checkpoint.TruncateThrough > 0
                ? Prune(commands, partition, checkpoint.TruncateThrough, checkpoint.TruncateBefore)
                : 0;

            transaction.Commit();
            _checkpoints[partition] = covered;
            _logger.CheckpointWritten(
                partition, covered, checkpoint.Snapshots.Count, checkpoint.ReminderChanges.Count, indexed, truncated);
        }
        finally
        {
            commands.Enlist(null);
            _writeGate.Release();
        }
    }

    // One read transaction, so the checkpoint, the spans and the rows they point at are one snapshot.
    private async IAsyncEnumerable<LogRecord> ReadRecordsAsync(
        int partition, long afterOffset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReadConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        long checkpoint;
        var spans = new List<(long FirstOffset, long LastOffset, long FirstRow)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.Parameters.AddWithValue("$partition", partition);
            select.CommandText = LogSql.SelectLastOffset;
            var lastOffset = (long)select.ExecuteScalar()!;
            select.CommandText = LogSql.SelectCheckpoint;
            checkpoint = (long)select.ExecuteScalar()!;
            if (lastOffset > afterOffset)
            {
                // Newest first, down to the span that holds afterOffset + 1: a read after the checkpoint (recovery)
                // visits only the spans appended since, however long the retained log.
                select.CommandText = LogSql.SelectSpansNewestFirst;
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    var span = (FirstOffset: reader.GetInt64(0), LastOffset: reader.GetInt64(1), FirstRow: reader.GetInt64(2));
                    if (span.LastOffset > afterOffset)
                    {
                        spans.Add(span);
                    }

                    if (span.FirstOffset <= afterOffset + 1)
                    {
                        break;
                    }
                }

                spans.Reverse();
            }
        }

        using var rows = connection.CreateCommand();
        rows.Transaction = transaction;
        rows.CommandText = LogSql.SelectRows;
        var firstRow = rows.Parameters.Add("$first_row", SqliteType.Integer);
        var lastRow = rows.Parameters.Add("$last_row", SqliteType.Integer);
        var expected = afterOffset + 1;
        foreach (var span in spans)
        {
            // A row's offset follows from its position in the span: skip those at or below afterOffset by position.
            var from = Math.Max(span.FirstOffset, afterOffset + 1);
            firstRow.Value = span.FirstRow + (from - span.FirstOffset);
            lastRow.Value = span.FirstRow + (span.LastOffset - span.FirstOffset);
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var offset = span.FirstOffset + (reader.GetInt64(0) - span.FirstRow);
                if (reader.GetInt64(1) != partition || reader.GetInt64(2) != offset)
                {
                    throw Inconsistent(partition, offset, $"row {reader.GetInt64(0)} holds another record");
                }

                CheckDeletedOnlyThroughCheckpoint(partition, expected, offset, checkpoint);
                expected = offset + 1;
                yield return new LogRecord(
                    partition,
                    offset,
                    new GrainId(reader.GetString(3), reader.GetString(4)),
                    reader.GetString(5),
                    reader.GetFieldValue<byte[]>(6),
                    FromTicks(reader.GetInt64(7)));
            }

            CheckDeletedOnlyThroughCheckpoint(partition, expected, span.LastOffset + 1, checkpoint);
            expected = Math.Max(expected, span.LastOffset + 1);
        }
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
