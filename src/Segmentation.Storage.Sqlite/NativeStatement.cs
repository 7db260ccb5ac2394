using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// A statement prepared once on a connection and driven through SQLite's own API (bind, step, read columns, reset):
/// a fraction of the cost of a <see cref="SqliteCommand"/> execution or reader row per row, which is what a group
/// commit of a thousand records pays a thousand times, and recovery's read of the log index a million times. It runs
/// inside the transaction open on that connection, if any. Not thread-safe: used by one caller at a time (the append
/// path only on the store's write thread).
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public NativeStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var result = raw.sqlite3_prepare_v2(_database, sql, out _statement);
        SqliteException.ThrowExceptionForRC(result, _database);
    }

    /// <summary>The row id of the last row inserted on the connection.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_database);

    /// <summary>Binds a parameter by position (1-based).</summary>
    public NativeStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public NativeStatement Bind(int index, string value)
    {
        Check(raw.sqlite3_bind_text16(_statement, index, value));
        return this;
    }

    public NativeStatement Bind(int index, byte[] value)
    {
        // A zero-length span would bind SQL NULL; an empty array is an empty blob.
        Check(value.Length == 0
            ? raw.sqlite3_bind_zeroblob(_statement, index, 0)
            : raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    /// <summary>Runs a statement that returns no rows, then resets it for the next use.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        if (result != raw.SQLITE_DONE)
        {
            try
            {
                SqliteException.ThrowExceptionForRC(result, _database);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        raw.sqlite3_reset(_statement);
    }

    /// <summary>Steps a query: true with a row to read, false when it has no more rows (then reset it to run it again).</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }

        if (result != raw.SQLITE_DONE)
        {
            Reset();
            SqliteException.ThrowExceptionForRC(result, _database);
        }

        return false;
    }

    /// <summary>Makes the statement ready to run again (bound values stay).</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>A column of the current row as an integer (0-based).</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>
    /// A column of the current row as its bytes (UTF-8 for text), valid until the next step or reset; empty for an
    /// empty value or NULL.
    /// </summary>
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
