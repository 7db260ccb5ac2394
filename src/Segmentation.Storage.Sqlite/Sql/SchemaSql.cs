namespace Segmentation.Storage.Sqlite.Sql;

/// <summary>
/// The schema of a store. Every table keys on the full grain identity (type and key); times are UTC ticks
/// (100 ns) so that they round-trip exactly. Version 2 (version 1 lacked the per-grain index of the log and the
/// span times; <see cref="MigrateFromVersion1"/> adds them when a version 1 store is opened).
/// </summary>
internal static class SchemaSql
{
    public const int Version = 2;

    /// <summary>
    /// Set before the first table exists. 4 KiB pages keep the WAL small: every commit rewrites the index page
    /// at the tail of each partition it touches, so smaller pages mean fewer bytes per commit.
    /// </summary>
    public const string NewDatabasePragmas = "PRAGMA page_size = 4096;";

    /// <summary>Every statement that runs on pooled read connections, prepared once at open as a schema check.</summary>
    public static readonly string[] ReadStatements =
    [
        LogSql.SelectLastOffset, LogSql.SelectCheckpoint, LogSql.SelectSpansNewestFirst, LogSql.SelectIndexRows,
        LogSql.SelectRecordBody, LogSql.SelectSnapshot, LogSql.SelectPartitionPositions, LogSql.SelectAllSpansNewestFirst,
        LogSql.SelectGrainTail, LogSql.SelectGrainPartitions, LogSql.SelectGrainIndexed,
        GrainStateSql.Select, ReminderSql.SelectDue, ReminderSql.SelectByGrain,
    ];

    /// <summary>
    /// The tables every version has, checked before the version is read. A version 2 store without log_by_grain fails
    /// at open when the statements that read it are prepared.
    /// </summary>
    public static readonly string[] Tables = ["meta", "partitions", "log", "log_spans", "snapshots", "grain_state", "reminders"];

    public const string ListTables =
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\';";

    public const string Create = """
        CREATE TABLE meta (
            key   TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE partitions (
            partition_id      INTEGER NOT NULL PRIMARY KEY,
            last_offset       INTEGER NOT NULL,
            checkpoint_offset INTEGER NOT NULL
        );

        -- The records of all partitions in commit order, without a per-record index: an append writes only the
        -- pages at the end of this table, and the WAL (synced at every commit) stays about as large as the
        -- records themselves. An index on (partition_id, log_offset) would dirty one index page per partition
        -- per commit, doubling the WAL, and measured 1.5 to 2 times slower; an index on the grain (a random key)
        -- dirties about one page per record and measured 4 times slower on batched appends. log_spans finds a
        -- partition's records, log_by_grain a grain's. row_id is declared so that VACUUM never renumbers the rows
        -- that log_spans points at. grain_hash is GrainHash.Compute(grain_type, grain_key).
        CREATE TABLE log (
            row_id       INTEGER PRIMARY KEY,
            partition_id INTEGER NOT NULL,
            log_offset   INTEGER NOT NULL,
            grain_type   TEXT    NOT NULL,
            grain_key    TEXT    NOT NULL,
            kind         TEXT    NOT NULL,
            payload      BLOB    NOT NULL,
            time_ticks   INTEGER NOT NULL,
            grain_hash   INTEGER NOT NULL
        );

        -- Where each partition's records are: every append inserts its records grouped by partition, so the
        -- records first_offset..last_offset of one partition are the rows first_row.. of log, consecutively. A
        -- checkpoint that deletes records trims a span to its first and last rows left (holes left in between are at
        -- or below the checkpoint), so a span's rows are always below the highest row and a new row never falls in
        -- an old span. span_id order is commit order: readers find the spans after an offset newest first, and
        -- retention visits a partition's spans oldest first, stopping at the first whose records are all recent
        -- (min_time_ticks: the earliest record time of the span). No index: an append writes one row per partition
        -- it touches, at the end of the table (an index entry per span measured 60% slower for one-event appends).
        CREATE TABLE log_spans (
            span_id        INTEGER PRIMARY KEY,
            partition_id   INTEGER NOT NULL,
            first_offset   INTEGER NOT NULL,
            last_offset    INTEGER NOT NULL,
            first_row      INTEGER NOT NULL,
            min_time_ticks INTEGER NOT NULL
        );

        -- One grain's records at or below its partition's checkpoint, newest first: written by the checkpoint that
        -- covers them (a batch per checkpoint, off the append path), deleted with them. Keyed by partition first, so
        -- that a checkpoint's batch dirties pages of its partition's slice only (a grain's key is random); a read
        -- finds the grain's partition with one seek per partition. Records above the checkpoint are found by
        -- scanning the spans appended since.
        CREATE TABLE log_by_grain (
            partition_id INTEGER NOT NULL,
            grain_hash   INTEGER NOT NULL,
            log_offset   INTEGER NOT NULL,
            row_id       INTEGER NOT NULL,
            PRIMARY KEY (partition_id, grain_hash, log_offset)
        ) WITHOUT ROWID;

        CREATE TABLE snapshots (
            grain_type     TEXT    NOT NULL,
            grain_key      TEXT    NOT NULL,
            partition_id   INTEGER NOT NULL,
            applied_offset INTEGER NOT NULL,
            data           BLOB    NOT NULL,
            PRIMARY KEY (grain_type, grain_key)
        );

        CREATE TABLE grain_state (
            grain_type TEXT NOT NULL,
            grain_key  TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag       TEXT NOT NULL,
            data       BLOB NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );

        CREATE TABLE reminders (
            grain_type   TEXT    NOT NULL,
            grain_key    TEXT    NOT NULL,
            name         TEXT    NOT NULL,
            partition_id INTEGER NOT NULL,
            due_ticks    INTEGER NOT NULL,
            period_ticks INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        ) WITHOUT ROWID;

        CREATE INDEX reminders_by_due ON reminders (partition_id, due_ticks, grain_type, grain_key, name);
        """;

    /// <summary>
    /// Brings a version 1 store to version 2, in the open transaction: the grain hash of every record (through the
    /// connection function <see cref="GrainHashFunction"/>), the earliest time of every span, and the grain index of
    /// the records at or below each checkpoint.
    /// </summary>
    public const string MigrateFromVersion1 = """
        ALTER TABLE log ADD COLUMN grain_hash INTEGER NOT NULL DEFAULT 0;
        UPDATE log SET grain_hash = segmentation_grain_hash(grain_type, grain_key);
        ALTER TABLE log_spans ADD COLUMN min_time_ticks INTEGER NOT NULL DEFAULT 0;
        UPDATE log_spans SET min_time_ticks = COALESCE(
            (SELECT MIN(time_ticks) FROM log
             WHERE row_id BETWEEN log_spans.first_row AND log_spans.first_row + log_spans.last_offset - log_spans.first_offset),
            0);
        CREATE TABLE log_by_grain (
            partition_id INTEGER NOT NULL,
            grain_hash   INTEGER NOT NULL,
            log_offset   INTEGER NOT NULL,
            row_id       INTEGER NOT NULL,
            PRIMARY KEY (partition_id, grain_hash, log_offset)
        ) WITHOUT ROWID;
        INSERT INTO log_by_grain (partition_id, grain_hash, log_offset, row_id)
        SELECT l.partition_id, l.grain_hash, l.log_offset, l.row_id
        FROM log l JOIN partitions p ON p.partition_id = l.partition_id
        WHERE l.log_offset <= p.checkpoint_offset;
        """;

    /// <summary>The connection function that <see cref="MigrateFromVersion1"/> computes grain hashes with.</summary>
    public const string GrainHashFunction = "segmentation_grain_hash";

    public const string InsertPartition =
        "INSERT INTO partitions (partition_id, last_offset, checkpoint_offset) VALUES ($partition, 0, 0);";

    public const string UpsertMeta =
        "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;";

    public const string SelectMeta = "SELECT value FROM meta WHERE key = $key;";

    public const string SelectPartitions =
        "SELECT partition_id, last_offset, checkpoint_offset FROM partitions ORDER BY partition_id;";

    public const string QuickCheck = "PRAGMA quick_check;";

    public const string SchemaVersionKey = "schema_version";

    public const string PartitionCountKey = "partition_count";

    public const string CreatedAtKey = "created_at";

    public const string LastOpenedAtKey = "last_opened_at";
}
