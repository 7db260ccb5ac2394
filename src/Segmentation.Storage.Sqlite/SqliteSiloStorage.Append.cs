using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    /// <inheritdoc />
    /// <remarks>
    /// One transaction on the write connection: the records grouped by partition (in offset order within each),
    /// each with the hash of its grain for the per-grain index, one span per partition touched, and each touched
    /// partition's last offset.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// A record does not continue its partition's log (offset = last offset + 1, in batch order) or is invalid;
    /// nothing was written.
    /// </exception>
    public Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return WriteAsync(commands => Append(commands, records), cancellationToken);
    }

    private void Append(WriteCommands commands, IReadOnlyList<LogRecord> records)
    {
        var lastOffsets = StorageArguments.ContinueOffsets(records, _lastOffsets);
        if (records.Count == 0)
        {
            return;
        }

        var order = GroupByPartition(records);
        using var transaction = _writeConnection!.BeginTransaction();
        var start = 0;
        while (start < order.Length)
        {
            var partition = records[order[start]].Partition;
            var end = start;
            while (end < order.Length && records[order[end]].Partition == partition)
            {
                end++;
            }

            InsertRun(commands, records, order, start, end);
            commands.SetLastOffset.Bind(1, lastOffsets[partition]).Bind(2, partition).Execute();
            start = end;
        }

        transaction.Commit();
        _lastOffsets = lastOffsets;
    }

    // The batch positions ordered by partition, keeping batch order (so offset order) within each partition.
    private static int[] GroupByPartition(IReadOnlyList<LogRecord> records)
    {
        var order = new int[records.Count];
        var keys = new long[records.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = ((long)records[i].Partition << 32) | (uint)i;
        }

        Array.Sort(keys, order);
        return order;
    }

    // Inserts the records order[start..end) of one partition as consecutive rows, and the span that finds them.
    private static void InsertRun(WriteCommands commands, IReadOnlyList<LogRecord> records, int[] order, int start, int end)
    {
        var insert = commands.InsertRecord;
        var firstRow = 0L;
        var minTime = long.MaxValue;
        for (var i = start; i < end; i++)
        {
            var record = records[order[i]];
            var time = record.Time.UtcTicks;
            insert.Bind(1, record.Partition).Bind(2, record.Offset).Bind(3, record.Target.Type).Bind(4, record.Target.Key)
                .Bind(5, record.Kind).Bind(6, record.Payload).Bind(7, time).Bind(8, GrainHash.Compute(record.Target)).Execute();
            minTime = Math.Min(minTime, time);
            if (i == start)
            {
                firstRow = insert.LastInsertRowId;
            }
        }

        // SQLite gives a new row the largest row id plus one, so one writer's inserts are consecutive.
        var lastRow = insert.LastInsertRowId;
        var first = records[order[start]];
        if (lastRow - firstRow != end - start - 1)
        {
            throw new InvalidOperationException(
                $"The records of partition {first.Partition} did not get consecutive row ids ({firstRow}..{lastRow} " +
                $"for {end - start} records); nothing was written.");
        }

        commands.InsertSpan.Bind(1, first.Partition).Bind(2, first.Offset).Bind(3, records[order[end - 1]].Offset)
            .Bind(4, firstRow).Bind(5, minTime).Execute();
    }
}
