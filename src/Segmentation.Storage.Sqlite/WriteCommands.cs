using Microsoft.Data.Sqlite;
using Segmentation.Storage.Sqlite.Sql;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// The prepared statements of the one write connection, created once at open and reused by every write with
/// their parameters re-bound. Not thread-safe: used only on the store's write thread.
/// </summary>
internal sealed class WriteCommands : IDisposable
{
    private readonly SqliteCommand[] _commands;
    private readonly NativeStatement[] _statements;

    public WriteCommands(SqliteConnection connection)
    {
        InsertRecord = new NativeStatement(connection, LogSql.InsertRecord);
        InsertSpan = new NativeStatement(connection, LogSql.InsertSpan);
        SetLastOffset = new NativeStatement(connection, LogSql.SetLastOffset);
        SetCheckpoint = Create(connection, LogSql.SetCheckpoint, "$offset", "$partition");
        SelectSpansNewestFirst = Create(connection, LogSql.SelectSpansNewestFirst, "$partition");
        IndexRows = Create(connection, LogSql.IndexRows, "$first_row", "$last_row");
        SelectSpansThrough = Create(connection, LogSql.SelectSpansThrough, "$partition", "$offset");
        SelectSpansOldestFirst = Create(connection, LogSql.SelectSpansOldestFirst, "$partition");
        HasIndexedRecords = Create(connection, LogSql.HasIndexedRecords);
        UnindexRowsBefore = Create(connection, LogSql.UnindexRowsBefore, "$first_row", "$last_row", "$before");
        DeleteRowsBefore = Create(connection, LogSql.DeleteRowsBefore, "$first_row", "$last_row", "$before");
        SelectSpanRemains = Create(connection, LogSql.SelectSpanRemains, "$first_row", "$last_row");
        DeleteSpan = Create(connection, LogSql.DeleteSpan, "$span_id");
        TrimSpan = Create(connection, LogSql.TrimSpan, "$first_offset", "$last_offset", "$first_row", "$min_time", "$span_id");
        UpsertSnapshot = Create(connection, LogSql.UpsertSnapshot, "$grain_type", "$grain_key", "$partition", "$offset", "$data");
        UpsertReminder = Create(connection, ReminderSql.Upsert, "$grain_type", "$grain_key", "$name", "$partition", "$due", "$period");
        DeleteReminder = Create(connection, ReminderSql.Delete, "$grain_type", "$grain_key", "$name");
        SelectEtag = Create(connection, GrainStateSql.SelectEtag, "$grain_type", "$grain_key", "$state_name");
        UpsertState = Create(connection, GrainStateSql.Upsert, "$grain_type", "$grain_key", "$state_name", "$etag", "$data");
        DeleteState = Create(connection, GrainStateSql.Delete, "$grain_type", "$grain_key", "$state_name");
        _statements = [InsertRecord, InsertSpan, SetLastOffset];
        _commands =
        [
            SetCheckpoint, SelectSpansNewestFirst, IndexRows, SelectSpansThrough, SelectSpansOldestFirst, HasIndexedRecords,
            UnindexRowsBefore, DeleteRowsBefore, SelectSpanRemains, DeleteSpan, TrimSpan, UpsertSnapshot,
            UpsertReminder, DeleteReminder, SelectEtag, UpsertState, DeleteState,
        ];
    }

    /// <summary>Parameters: partition, offset, grain type, grain key, kind, payload, time ticks, grain hash.</summary>
    public NativeStatement InsertRecord { get; }

    /// <summary>Parameters: partition, first offset, last offset, first row, earliest time ticks.</summary>
    public NativeStatement InsertSpan { get; }

    /// <summary>Parameters: last offset, partition.</summary>
    public NativeStatement SetLastOffset { get; }

    /// <summary>Parameters: offset, partition.</summary>
    public SqliteCommand SetCheckpoint { get; }

    /// <summary>Parameters: partition. Columns: first offset, last offset, first row; newest span first.</summary>
    public SqliteCommand SelectSpansNewestFirst { get; }

    /// <summary>Parameters: first row, last row.</summary>
    public SqliteCommand IndexRows { get; }

    /// <summary>Parameters: partition, offset. Columns: span id, first offset, last offset, first row.</summary>
    public SqliteCommand SelectSpansThrough { get; }

    /// <summary>Parameters: partition. Columns: span id, first offset, last offset, first row, earliest time ticks; oldest first.</summary>
    public SqliteCommand SelectSpansOldestFirst { get; }

    /// <summary>No parameters; one column: whether the grain index holds anything.</summary>
    public SqliteCommand HasIndexedRecords { get; }

    /// <summary>Parameters: first row, last row, time ticks.</summary>
    public SqliteCommand UnindexRowsBefore { get; }

    /// <summary>Parameters: first row, last row, time ticks.</summary>
    public SqliteCommand DeleteRowsBefore { get; }

    /// <summary>Parameters: first row, last row. Columns: first row, last row and earliest time left (null when empty).</summary>
    public SqliteCommand SelectSpanRemains { get; }

    /// <summary>Parameters: span id.</summary>
    public SqliteCommand DeleteSpan { get; }

    /// <summary>Parameters: new first offset, new last offset, new first row, new earliest time ticks, span id.</summary>
    public SqliteCommand TrimSpan { get; }

    /// <summary>Parameters: grain type, grain key, partition, applied offset, data.</summary>
    public SqliteCommand UpsertSnapshot { get; }

    /// <summary>Parameters: grain type, grain key, name, partition, due ticks, period ticks.</summary>
    public SqliteCommand UpsertReminder { get; }

    /// <summary>Parameters: grain type, grain key, name.</summary>
    public SqliteCommand DeleteReminder { get; }

    /// <summary>Parameters: grain type, grain key, state name.</summary>
    public SqliteCommand SelectEtag { get; }

    /// <summary>Parameters: grain type, grain key, state name, etag, data.</summary>
    public SqliteCommand UpsertState { get; }

    /// <summary>Parameters: grain type, grain key, state name.</summary>
    public SqliteCommand DeleteState { get; }

    /// <summary>Makes every command run in <paramref name="transaction"/> (null after it ends).</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in _commands)
        {
            command.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }

        foreach (var command in _commands)
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
