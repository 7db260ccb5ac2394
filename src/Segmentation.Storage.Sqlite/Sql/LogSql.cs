namespace Segmentation.Storage.Sqlite.Sql;

/// <summary>Statements of the partition logs, checkpoints and snapshots.</summary>
internal static class LogSql
{
    /// <summary>Positional parameters: partition, offset, grain type, grain key, kind, payload, time ticks.</summary>
    public const string InsertRecord = """
        INSERT INTO log (partition_id, log_offset, grain_type, grain_key, kind, payload, time_ticks)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);
        """;

    /// <summary>Positional parameters: partition, first offset, last offset, first row.</summary>
    public const string InsertSpan =
        "INSERT INTO log_spans (partition_id, first_offset, last_offset, first_row) VALUES (?1, ?2, ?3, ?4);";

    /// <summary>Positional parameters: last offset, partition.</summary>
    public const string SetLastOffset = "UPDATE partitions SET last_offset = ?1 WHERE partition_id = ?2;";

    public const string SelectLastOffset = "SELECT last_offset FROM partitions WHERE partition_id = $partition;";

    public const string SelectCheckpoint = "SELECT checkpoint_offset FROM partitions WHERE partition_id = $partition;";

    public const string SetCheckpoint =
        "UPDATE partitions SET checkpoint_offset = MAX(checkpoint_offset, $offset) WHERE partition_id = $partition;";

    public const string SelectSpansAfter = """
        SELECT first_offset, last_offset, first_row FROM log_spans
        WHERE partition_id = $partition AND last_offset > $offset
        ORDER BY first_offset;
        """;

    public const string SelectRows = """
        SELECT row_id, partition_id, log_offset, grain_type, grain_key, kind, payload, time_ticks
        FROM log
        WHERE row_id BETWEEN $first_row AND $last_row
        ORDER BY row_id;
        """;

    public const string SelectSpansThrough = """
        SELECT span_id, first_offset, last_offset, first_row FROM log_spans
        WHERE partition_id = $partition AND first_offset <= $offset;
        """;

    public const string DeleteRows = "DELETE FROM log WHERE row_id BETWEEN $first_row AND $last_row;";

    public const string DeleteSpan = "DELETE FROM log_spans WHERE span_id = $span_id;";

    public const string TrimSpan =
        "UPDATE log_spans SET first_offset = $first_offset, first_row = $first_row WHERE span_id = $span_id;";

    public const string UpsertSnapshot = """
        INSERT INTO snapshots (grain_type, grain_key, partition_id, applied_offset, data)
        VALUES ($grain_type, $grain_key, $partition, $offset, $data)
        ON CONFLICT (grain_type, grain_key) DO UPDATE SET
            partition_id = excluded.partition_id, applied_offset = excluded.applied_offset, data = excluded.data;
        """;

    public const string SelectSnapshot =
        "SELECT data, applied_offset FROM snapshots WHERE grain_type = $grain_type AND grain_key = $grain_key;";
}
