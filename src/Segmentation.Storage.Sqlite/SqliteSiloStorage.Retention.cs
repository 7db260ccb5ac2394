namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    /// <summary>The most spans one checkpoint visits to delete old records; the next checkpoint goes on from there.</summary>
    private const int MaxSpansPrunedPerCheckpoint = 8192;

    /// <summary>
    /// Deletes the records of a partition at or below <paramref name="throughOffset"/> whose time is before
    /// <paramref name="before"/> (all of them without it), with their grain index entries, inside the checkpoint's
    /// transaction, and returns how many.
    /// </summary>
    /// <remarks>
    /// Without an instant the spans to visit are all those reaching down to the offset (a scan of a table that stays
    /// small when every covered record goes). With one, the partition's spans oldest first, up to the first span beyond
    /// the offset or whose records are all recent: within a span every record both covered and old goes, while a span
    /// of recent records holds back the spans after it until it ages too (a record is kept longer, never deleted
    /// early). After the delete a span left empty goes, and any other is trimmed to its first and last rows left, with
    /// its earliest time recomputed. Trimming the tail matters: SQLite gives a new row the highest row id plus one, so
    /// a span must never reach past its last row left. Records kept between deleted ones leave holes, which readers
    /// accept at or below the checkpoint only.
    /// </remarks>
    private static int Prune(WriteCommands commands, int partition, long throughOffset, DateTimeOffset? before)
    {
        // Every stored time is below long.MaxValue ticks, so without an instant every covered record goes.
        var beforeTicks = before?.UtcTicks ?? long.MaxValue;
        var spans = SelectPrunableSpans(commands, partition, throughOffset, before);
        var unindex = spans.Count > 0 && (long)commands.HasIndexedRecords.ExecuteScalar()! != 0;
        var deleted = 0;
        foreach (var span in spans)
        {
            var coveredLastRow = span.FirstRow + (Math.Min(span.LastOffset, throughOffset) - span.FirstOffset);
            if (unindex)
            {
                Bind(commands.UnindexRowsBefore, 0, span.FirstRow);
                Bind(commands.UnindexRowsBefore, 1, coveredLastRow);
                Bind(commands.UnindexRowsBefore, 2, beforeTicks);
                commands.UnindexRowsBefore.ExecuteNonQuery();
            }

            Bind(commands.DeleteRowsBefore, 0, span.FirstRow);
            Bind(commands.DeleteRowsBefore, 1, coveredLastRow);
            Bind(commands.DeleteRowsBefore, 2, beforeTicks);
            var removed = commands.DeleteRowsBefore.ExecuteNonQuery();
            deleted += removed;
            if (before is null && span.LastOffset <= throughOffset)
            {
                // Every row of the span went: no need to look (the common case of truncation at each checkpoint).
                Bind(commands.DeleteSpan, 0, span.SpanId);
                commands.DeleteSpan.ExecuteNonQuery();
            }
            else if (removed > 0)
            {
                TrimOrDeleteSpan(commands, span);
            }
        }

        return deleted;
    }

    private static List<(long SpanId, long FirstOffset, long LastOffset, long FirstRow)> SelectPrunableSpans(
        WriteCommands commands, int partition, long throughOffset, DateTimeOffset? before)
    {
        var spans = new List<(long SpanId, long FirstOffset, long LastOffset, long FirstRow)>();
        if (before is not { } cutoff)
        {
            Bind(commands.SelectSpansThrough, 0, partition);
            Bind(commands.SelectSpansThrough, 1, throughOffset);
            using var all = commands.SelectSpansThrough.ExecuteReader();
            while (all.Read())
            {
                spans.Add((all.GetInt64(0), all.GetInt64(1), all.GetInt64(2), all.GetInt64(3)));
            }

            return spans;
        }

        Bind(commands.SelectSpansOldestFirst, 0, partition);
        using var reader = commands.SelectSpansOldestFirst.ExecuteReader();
        while (spans.Count < MaxSpansPrunedPerCheckpoint && reader.Read())
        {
            if (reader.GetInt64(1) > throughOffset || reader.GetInt64(4) >= cutoff.UtcTicks)
            {
                break;
            }

            spans.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return spans;
    }

    private static void TrimOrDeleteSpan(WriteCommands commands, (long SpanId, long FirstOffset, long LastOffset, long FirstRow) span)
    {
        Bind(commands.SelectSpanRemains, 0, span.FirstRow);
        Bind(commands.SelectSpanRemains, 1, span.FirstRow + (span.LastOffset - span.FirstOffset));
        (long FirstRow, long LastRow, long MinTime)? left = null;
        using (var reader = commands.SelectSpanRemains.ExecuteReader())
        {
            if (reader.Read() && !reader.IsDBNull(0))
            {
                left = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        if (left is not { } rows)
        {
            Bind(commands.DeleteSpan, 0, span.SpanId);
            commands.DeleteSpan.ExecuteNonQuery();
            return;
        }

        Bind(commands.TrimSpan, 0, span.FirstOffset + (rows.FirstRow - span.FirstRow));
        Bind(commands.TrimSpan, 1, span.FirstOffset + (rows.LastRow - span.FirstRow));
        Bind(commands.TrimSpan, 2, rows.FirstRow);
        Bind(commands.TrimSpan, 3, rows.MinTime);
        Bind(commands.TrimSpan, 4, span.SpanId);
        commands.TrimSpan.ExecuteNonQuery();
    }
}
