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
    /// (appends made while enumerating are not returned); records deleted by a checkpoint's truncation are not
    /// returned. A record whose row does not match its span ends the enumeration with an
    /// <see cref="InvalidOperationException"/> (a damaged file).
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
    /// (it never moves back: a lower one leaves it as it is) and deletes the records at or below
    /// <see cref="PartitionCheckpoint.TruncateThrough"/> (when above 0).
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
            Bind(commands.SetCheckpoint, 0, checkpoint.CheckpointOffset);
            Bind(commands.SetCheckpoint, 1, partition);
            commands.SetCheckpoint.ExecuteNonQuery();
            var truncated = checkpoint.TruncateThrough > 0 ? Truncate(commands, partition, checkpoint.TruncateThrough) : 0;

            transaction.Commit();
            _logger.CheckpointWritten(
                partition, checkpoint.CheckpointOffset, checkpoint.Snapshots.Count, checkpoint.ReminderChanges.Count, truncated);
        }
        finally
        {
            commands.Enlist(null);
            _writeGate.Release();
        }
    }

    // One read transaction, so the spans and the rows they point at are one snapshot.
    private async IAsyncEnumerable<LogRecord> ReadRecordsAsync(
        int partition, long afterOffset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReadConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var spans = new List<(long FirstOffset, long LastOffset, long FirstRow)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = LogSql.SelectSpansAfter;
            select.Parameters.AddWithValue("$partition", partition);
            select.Parameters.AddWithValue("$offset", afterOffset);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                spans.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        using var rows = connection.CreateCommand();
        rows.Transaction = transaction;
        rows.CommandText = LogSql.SelectRows;
        var firstRow = rows.Parameters.Add("$first_row", SqliteType.Integer);
        var lastRow = rows.Parameters.Add("$last_row", SqliteType.Integer);
        var expected = 0L;
        foreach (var span in spans)
        {
            // Rows of a span hold consecutive offsets: skip those at or below afterOffset by position.
            var from = Math.Max(span.FirstOffset, afterOffset + 1);
            if (expected != 0 && from != expected)
            {
                throw Inconsistent(partition, expected, $"the next span starts at offset {from}");
            }

            firstRow.Value = span.FirstRow + (from - span.FirstOffset);
            lastRow.Value = span.FirstRow + (span.LastOffset - span.FirstOffset);
            expected = from;
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.GetInt64(1) != partition || reader.GetInt64(2) != expected)
                {
                    throw Inconsistent(partition, expected, $"row {reader.GetInt64(0)} holds another record");
                }

                yield return new LogRecord(
                    partition,
                    expected++,
                    new GrainId(reader.GetString(3), reader.GetString(4)),
                    reader.GetString(5),
                    reader.GetFieldValue<byte[]>(6),
                    FromTicks(reader.GetInt64(7)));
            }

            if (expected != span.LastOffset + 1)
            {
                throw Inconsistent(partition, expected, "rows of a span are missing");
            }
        }
    }

    // Deletes the records of a partition at or below an offset: whole spans, and the head of a span that straddles it.
    private static int Truncate(WriteCommands commands, int partition, long throughOffset)
    {
        var spans = new List<(long SpanId, long FirstOffset, long LastOffset, long FirstRow)>();
        Bind(commands.SelectSpansThrough, 0, partition);
        Bind(commands.SelectSpansThrough, 1, throughOffset);
        using (var reader = commands.SelectSpansThrough.ExecuteReader())
        {
            while (reader.Read())
            {
                spans.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        var deleted = 0;
        foreach (var span in spans)
        {
            var lastDeleted = Math.Min(span.LastOffset, throughOffset);
            Bind(commands.DeleteRows, 0, span.FirstRow);
            Bind(commands.DeleteRows, 1, span.FirstRow + (lastDeleted - span.FirstOffset));
            deleted += commands.DeleteRows.ExecuteNonQuery();
            if (lastDeleted == span.LastOffset)
            {
                Bind(commands.DeleteSpan, 0, span.SpanId);
                commands.DeleteSpan.ExecuteNonQuery();
            }
            else
            {
                Bind(commands.TrimSpan, 0, lastDeleted + 1);
                Bind(commands.TrimSpan, 1, span.FirstRow + (lastDeleted + 1 - span.FirstOffset));
                Bind(commands.TrimSpan, 2, span.SpanId);
                commands.TrimSpan.ExecuteNonQuery();
            }
        }

        return deleted;
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
