using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite.Sql;

namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    /// <inheritdoc />
    /// <remarks>
    /// The entries are read in one read transaction, so they are those of the records committed when the enumeration
    /// starts (appends made while enumerating are not returned); records deleted by a checkpoint are not returned. The
    /// locator is the row id. Only the row id, partition, offset, grain type and key are read, through SQLite's own
    /// API, and a grain already seen in the read is found from the bytes of its key without allocating. A record
    /// whose row does not match its span, or a missing record above the checkpoint, ends the enumeration with an
    /// <see cref="InvalidOperationException"/> (a damaged file).
    /// </remarks>
    public IAsyncEnumerable<LogIndexEntry> ReadIndexAsync(int partition, long afterOffset, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterOffset);
        ThrowIfNotOpen();
        StorageArguments.CheckPartition(partition, _partitionCount, nameof(partition));
        return ReadIndexEntriesAsync(partition, afterOffset, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One seek by row id per record on a read connection, through SQLite's own API.</remarks>
    public Task<IReadOnlyList<LogRecord>> ReadRecordsAsync(
        int partition, IReadOnlyList<LogIndexEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ThrowIfNotOpen();
        StorageArguments.CheckPartition(partition, _partitionCount, nameof(partition));
        cancellationToken.ThrowIfCancellationRequested();
        var records = new LogRecord[entries.Count];
        if (entries.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<LogRecord>>(records);
        }

        var kinds = new Utf8Table<string>(static kind => kind);
        using var connection = OpenReadConnection();
        using var select = new NativeStatement(connection, LogSql.SelectRecordBody);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            select.Bind(1, entry.Locator);
            if (!select.Step() || select.Int64(0) != partition || select.Int64(1) != entry.Offset)
            {
                select.Reset();
                throw new InvalidOperationException(
                    $"Record {partition}:{entry.Offset} is no longer in row {entry.Locator} of '{_databasePath}': a " +
                    "checkpoint deleted it, or the database file is damaged.");
            }

            records[i] = new LogRecord(
                partition, entry.Offset, entry.Target, kinds.Get(select.Bytes(2)), select.Bytes(3).ToArray(), FromTicks(select.Int64(4)));
            select.Reset();
        }

        return Task.FromResult<IReadOnlyList<LogRecord>>(records);
    }

    // One read transaction, so the checkpoint, the spans and the rows they point at are one snapshot.
    private async IAsyncEnumerable<LogIndexEntry> ReadIndexEntriesAsync(
        int partition, long afterOffset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReadConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var (checkpoint, spans) = ReadSpansAfter(connection, transaction, partition, afterOffset);
        using var rows = new NativeStatement(connection, LogSql.SelectIndexRows);
        var grains = new GrainIdTable();
        var expected = afterOffset + 1;
        foreach (var span in spans)
        {
            // A row's offset follows from its position in the span: skip those at or below afterOffset by position.
            var from = Math.Max(span.FirstOffset, afterOffset + 1);
            rows.Bind(1, span.FirstRow + (from - span.FirstOffset));
            rows.Bind(2, span.FirstRow + (span.LastOffset - span.FirstOffset));
            try
            {
                while (rows.Step())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var entry = ReadIndexRow(rows, grains, partition, span.FirstOffset - span.FirstRow);
                    CheckDeletedOnlyThroughCheckpoint(partition, expected, entry.Offset, checkpoint);
                    expected = entry.Offset + 1;
                    yield return entry;
                }
            }
            finally
            {
                rows.Reset();
            }

            CheckDeletedOnlyThroughCheckpoint(partition, expected, span.LastOffset + 1, checkpoint);
            expected = Math.Max(expected, span.LastOffset + 1);
        }
    }

    // The row under the statement as an index entry; rowToOffset turns its row id into its offset (by its span).
    private LogIndexEntry ReadIndexRow(NativeStatement rows, GrainIdTable grains, int partition, long rowToOffset)
    {
        var rowId = rows.Int64(0);
        var offset = rowToOffset + rowId;
        if (rows.Int64(1) != partition || rows.Int64(2) != offset)
        {
            throw Inconsistent(partition, offset, $"row {rowId} holds another record");
        }

        return new LogIndexEntry(offset, grains.Get(rows.Bytes(3), rows.Bytes(4)), rowId);
    }

    // The partition's checkpoint and its spans holding records after the offset, oldest first.
    private static (long Checkpoint, List<(long FirstOffset, long LastOffset, long FirstRow)> Spans) ReadSpansAfter(
        SqliteConnection connection, SqliteTransaction transaction, int partition, long afterOffset)
    {
        var spans = new List<(long FirstOffset, long LastOffset, long FirstRow)>();
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.Parameters.AddWithValue("$partition", partition);
        select.CommandText = LogSql.SelectLastOffset;
        var lastOffset = (long)select.ExecuteScalar()!;
        select.CommandText = LogSql.SelectCheckpoint;
        var checkpoint = (long)select.ExecuteScalar()!;
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

        return (checkpoint, spans);
    }
}
