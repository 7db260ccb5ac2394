using Microsoft.Data.Sqlite;
using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite.Sql;

namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    /// <inheritdoc />
    /// <remarks>
    /// One read transaction. The records above their partition's checkpoint (the last few seconds) come from one
    /// scan of the rows appended since the oldest such checkpoint; those at or below it from <c>log_by_grain</c>, which
    /// the checkpoints fill. The grain's type and key are compared too, so two identities with one hash never mix.
    /// </remarks>
    public Task<IReadOnlyList<LogRecord>> ReadGrainRecordsAsync(
        GrainId grainId, long? beforeOffset, int limit, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckGrainRead(grainId, beforeOffset, limit);
        ThrowIfNotOpen();
        cancellationToken.ThrowIfCancellationRequested();
        var before = beforeOffset ?? long.MaxValue;
        using var connection = OpenReadConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$grain_hash", GrainHash.Compute(grainId));
        command.Parameters.AddWithValue("$grain_type", grainId.Type);
        command.Parameters.AddWithValue("$grain_key", grainId.Key);

        var records = ReadUncheckpointedRecords(command, grainId, before);
        records.Sort(static (a, b) => b.Offset.CompareTo(a.Offset));
        if (records.Count > limit)
        {
            records.RemoveRange(limit, records.Count - limit);
        }
        else if (records.Count < limit)
        {
            records.AddRange(ReadIndexedRecords(command, grainId, before, limit - records.Count));
        }

        return Task.FromResult<IReadOnlyList<LogRecord>>(records);
    }

    // The grain's records in the index (at or below the checkpoints), newest first: from the partition that holds its
    // hash (more than one only for a hash collision, sorted together then).
    private static List<LogRecord> ReadIndexedRecords(SqliteCommand command, GrainId grainId, long before, int limit)
    {
        var partitions = new List<int>();
        command.CommandText = LogSql.SelectGrainPartitions;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                partitions.Add(reader.GetInt32(0));
            }
        }

        var records = new List<LogRecord>();
        command.CommandText = LogSql.SelectGrainIndexed;
        var partition = command.Parameters.AddWithValue("$partition", 0);
        command.Parameters.AddWithValue("$before", before);
        command.Parameters.AddWithValue("$limit", limit);
        foreach (var candidate in partitions)
        {
            partition.Value = candidate;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                records.Add(ReadGrainRecord(reader, grainId));
            }
        }

        if (partitions.Count > 1)
        {
            records.Sort(static (a, b) => b.Offset.CompareTo(a.Offset));
            records.RemoveRange(Math.Min(limit, records.Count), records.Count - Math.Min(limit, records.Count));
        }

        return records;
    }

    // Adds a partition's records in (afterOffset, throughOffset] to the grain index (they are never deleted before
    // the checkpoint covers them, so their rows are whole ranges of the spans that hold them).
    private static int IndexRecords(WriteCommands commands, int partition, long afterOffset, long throughOffset)
    {
        var ranges = new List<(long FirstRow, long LastRow)>();
        Bind(commands.SelectSpansNewestFirst, 0, partition);
        using (var reader = commands.SelectSpansNewestFirst.ExecuteReader())
        {
            while (reader.Read())
            {
                var (first, last, firstRow) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                if (first <= throughOffset && last > afterOffset)
                {
                    ranges.Add((firstRow + (Math.Max(first, afterOffset + 1) - first), firstRow + (Math.Min(last, throughOffset) - first)));
                }

                if (first <= afterOffset + 1)
                {
                    break;
                }
            }
        }

        var indexed = 0;
        foreach (var (firstRow, lastRow) in ranges)
        {
            Bind(commands.IndexRows, 0, firstRow);
            Bind(commands.IndexRows, 1, lastRow);
            indexed += commands.IndexRows.ExecuteNonQuery();
        }

        return indexed;
    }

    // The grain's records above their partition's checkpoint and below the position, in any order.
    private static List<LogRecord> ReadUncheckpointedRecords(SqliteCommand command, GrainId grainId, long before)
    {
        var records = new List<LogRecord>();
        var checkpoints = new Dictionary<int, long>();
        command.CommandText = LogSql.SelectPartitionPositions;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetInt64(1) > reader.GetInt64(2))
                {
                    checkpoints[reader.GetInt32(0)] = reader.GetInt64(2);
                }
            }
        }

        if (checkpoints.Count == 0 || FirstRowAboveCheckpoints(command, checkpoints) is not { } firstRow)
        {
            return records;
        }

        command.CommandText = LogSql.SelectGrainTail;
        command.Parameters.AddWithValue("$first_row", firstRow);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                // Rows of partitions at or below their checkpoint are in the index.
                var record = ReadGrainRecord(reader, grainId);
                if (checkpoints.TryGetValue(record.Partition, out var checkpoint) && record.Offset > checkpoint && record.Offset < before)
                {
                    records.Add(record);
                }
            }
        }

        command.Parameters.Remove(command.Parameters["$first_row"]);
        return records;
    }

    // The lowest row holding a record above its partition's checkpoint, from the spans newest first.
    private static long? FirstRowAboveCheckpoints(SqliteCommand command, Dictionary<int, long> checkpoints)
    {
        var open = new HashSet<int>(checkpoints.Keys);
        long? firstRow = null;
        command.CommandText = LogSql.SelectAllSpansNewestFirst;
        using var reader = command.ExecuteReader();
        while (open.Count > 0 && reader.Read())
        {
            var partition = reader.GetInt32(0);
            if (!open.Contains(partition))
            {
                continue;
            }

            var (first, last, row) = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            var checkpoint = checkpoints[partition];
            if (last > checkpoint)
            {
                var start = row + (Math.Max(first, checkpoint + 1) - first);
                firstRow = firstRow is { } lowest ? Math.Min(lowest, start) : start;
            }

            if (first <= checkpoint + 1)
            {
                open.Remove(partition);
            }
        }

        return firstRow;
    }

    private static LogRecord ReadGrainRecord(SqliteDataReader reader, GrainId grainId) => new(
        reader.GetInt32(0),
        reader.GetInt64(1),
        grainId,
        reader.GetString(2),
        reader.GetFieldValue<byte[]>(3),
        FromTicks(reader.GetInt64(4)));
}
