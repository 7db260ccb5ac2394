namespace Segmentation.Storage.Sqlite.Sql;

/// <summary>Statements of the partition logs, checkpoints and snapshots.</summary>
internal static class LogSql
{
    /// <summary>Positional parameters: partition, offset, grain type, grain key, kind, payload, time ticks, grain hash.</summary>
    public const string InsertRecord = """
        INSERT INTO log (partition_id, log_offset, grain_type, grain_key, kind, payload, time_ticks, grain_hash)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);
        """;

    /// <summary>Positional parameters: partition, first offset, last offset, first row, earliest time ticks.</summary>
    public const string InsertSpan = """
        INSERT INTO log_spans (partition_id, first_offset, last_offset, first_row, min_time_ticks)
        VALUES (?1, ?2, ?3, ?4, ?5);
        """;

    /// <summary>Positional parameters: last offset, partition.</summary>
    public const string SetLastOffset = "UPDATE partitions SET last_offset = ?1 WHERE partition_id = ?2;";

    public const string SelectLastOffset = "SELECT last_offset FROM partitions WHERE partition_id = $partition;";

    public const string SelectCheckpoint = "SELECT checkpoint_offset FROM partitions WHERE partition_id = $partition;";

    public const string SetCheckpoint =
        "UPDATE partitions SET checkpoint_offset = MAX(checkpoint_offset, $offset) WHERE partition_id = $partition;";

    /// <summary>A partition's spans, newest first: readers stop at the first one at or below the offset they read after.</summary>
    public const string SelectSpansNewestFirst = """
        SELECT first_offset, last_offset, first_row FROM log_spans
        WHERE partition_id = $partition
        ORDER BY span_id DESC;
        """;

    /// <summary>Every partition's spans, newest first, to find the records above the checkpoints.</summary>
    public const string SelectAllSpansNewestFirst =
        "SELECT partition_id, first_offset, last_offset, first_row FROM log_spans ORDER BY span_id DESC;";

    public const string SelectPartitionPositions = "SELECT partition_id, last_offset, checkpoint_offset FROM partitions;";

    /// <summary>
    /// The index of a row range: row id, partition, offset, grain type and key. Positional parameters: first row, last row.
    /// </summary>
    public const string SelectIndexRows = """
        SELECT row_id, partition_id, log_offset, grain_type, grain_key
        FROM log
        WHERE row_id BETWEEN ?1 AND ?2
        ORDER BY row_id;
        """;

    /// <summary>A record's body by its row id: partition, offset, kind, payload, time ticks. Positional parameter: row id.</summary>
    public const string SelectRecordBody =
        "SELECT partition_id, log_offset, kind, payload, time_ticks FROM log WHERE row_id = ?1;";

    /// <summary>The spans of a partition with records at or below an offset (a scan: without retention the table is small).</summary>
    public const string SelectSpansThrough = """
        SELECT span_id, first_offset, last_offset, first_row FROM log_spans
        WHERE partition_id = $partition AND first_offset <= $offset;
        """;

    /// <summary>A partition's spans, oldest first, with their earliest record time: retention reads them while they qualify.</summary>
    public const string SelectSpansOldestFirst = """
        SELECT span_id, first_offset, last_offset, first_row, min_time_ticks FROM log_spans
        WHERE partition_id = $partition
        ORDER BY span_id;
        """;

    public const string DeleteRowsBefore =
        "DELETE FROM log WHERE row_id BETWEEN $first_row AND $last_row AND time_ticks < $before;";

    /// <summary>The first and last rows left in a span's row range and the earliest time left (all null when none is left).</summary>
    public const string SelectSpanRemains =
        "SELECT MIN(row_id), MAX(row_id), MIN(time_ticks) FROM log WHERE row_id BETWEEN $first_row AND $last_row;";

    public const string DeleteSpan = "DELETE FROM log_spans WHERE span_id = $span_id;";

    public const string TrimSpan = """
        UPDATE log_spans
        SET first_offset = $first_offset, last_offset = $last_offset, first_row = $first_row, min_time_ticks = $min_time
        WHERE span_id = $span_id;
        """;

    /// <summary>Adds the rows of a range to the grain index (a checkpoint, for the records it covers).</summary>
    public const string IndexRows = """
        INSERT INTO log_by_grain (partition_id, grain_hash, log_offset, row_id)
        SELECT partition_id, grain_hash, log_offset, row_id FROM log WHERE row_id BETWEEN $first_row AND $last_row;
        """;

    /// <summary>Removes from the grain index the rows of a range that <see cref="DeleteRowsBefore"/> deletes.</summary>
    public const string UnindexRowsBefore = """
        DELETE FROM log_by_grain WHERE (partition_id, grain_hash, log_offset) IN (
            SELECT partition_id, grain_hash, log_offset FROM log
            WHERE row_id BETWEEN $first_row AND $last_row AND time_ticks < $before);
        """;

    public const string HasIndexedRecords = "SELECT EXISTS (SELECT 1 FROM log_by_grain);";

    /// <summary>One grain's records from a row on (those above the checkpoints; the caller drops the others).</summary>
    public const string SelectGrainTail = """
        SELECT partition_id, log_offset, kind, payload, time_ticks FROM log
        WHERE row_id >= $first_row AND grain_hash = $grain_hash AND grain_type = $grain_type AND grain_key = $grain_key;
        """;

    /// <summary>The partitions whose slice of the grain index holds the hash (one seek each; one partition but for a collision).</summary>
    public const string SelectGrainPartitions = """
        SELECT p.partition_id FROM partitions p
        WHERE EXISTS (SELECT 1 FROM log_by_grain g WHERE g.partition_id = p.partition_id AND g.grain_hash = $grain_hash);
        """;

    /// <summary>One grain's indexed records of one partition below an offset, newest first (the text columns confirm the hash).</summary>
    public const string SelectGrainIndexed = """
        SELECT l.partition_id, l.log_offset, l.kind, l.payload, l.time_ticks
        FROM log_by_grain g JOIN log l ON l.row_id = g.row_id
        WHERE g.partition_id = $partition AND g.grain_hash = $grain_hash AND g.log_offset < $before
            AND l.grain_type = $grain_type AND l.grain_key = $grain_key
        ORDER BY g.log_offset DESC
        LIMIT $limit;
        """;

    public const string UpsertSnapshot = """
        INSERT INTO snapshots (grain_type, grain_key, partition_id, applied_offset, data)
        VALUES ($grain_type, $grain_key, $partition, $offset, $data)
        ON CONFLICT (grain_type, grain_key) DO UPDATE SET
            partition_id = excluded.partition_id, applied_offset = excluded.applied_offset, data = excluded.data;
        """;

    public const string SelectSnapshot =
        "SELECT data, applied_offset FROM snapshots WHERE grain_type = $grain_type AND grain_key = $grain_key;";
}
