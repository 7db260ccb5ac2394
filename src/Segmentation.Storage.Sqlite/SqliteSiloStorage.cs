using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// The embedded <see cref="ISiloStorage"/>: one SQLite database <see cref="DatabaseFileName"/> in WAL mode in the
/// data directory, held by one silo process at a time through the lock file <see cref="LockFileName"/>.
/// </summary>
/// <remarks>
/// Writes go through one long-lived connection with prepared statements, one transaction per call, run one at a
/// time on the store's own thread (<see cref="WriteThread"/>); reads use pooled connections and run beside the writer (WAL). Every table keys on the full grain
/// identity. The log is one table in commit order plus one span row per partition per append, so a group
/// commit writes little more than its records to the WAL; the per-grain index of the log is written by the
/// checkpoints, a batch at a time (see the schema in <c>Sql/SchemaSql.cs</c>). Times are stored as UTC ticks and read back with offset zero. SQLite has no asynchronous I/O
/// (the async methods of Microsoft.Data.Sqlite complete synchronously): reads run on the calling thread, writes and
/// their fsyncs on the write thread.
/// </remarks>
public sealed partial class SqliteSiloStorage : ISiloStorage
{
    /// <summary>The name of the database file in the data directory.</summary>
    public const string DatabaseFileName = "segmentation.db";

    /// <summary>The name of the lock file in the data directory.</summary>
    public const string LockFileName = "segmentation.lock";

    private readonly SqliteStorageOptions _options;
    private readonly ILogger _logger;
    private readonly WriteThread _writeThread = new("SQLite writer");
    private string _databasePath = string.Empty;
    private StoreDirectoryLock? _directoryLock;
    private SqliteConnection? _writeConnection;
    private WriteCommands? _commands;
    private volatile string? _readConnectionString;
    private long[] _lastOffsets = [];
    private long[] _checkpoints = [];
    private int _partitionCount;
    private bool _opened;
    private volatile bool _disposed;

    /// <summary>Creates the provider; nothing touches the disk before <see cref="OpenAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="SqliteStorageOptionsValidator"/>).</exception>
    public SqliteSiloStorage(SqliteStorageOptions options, ILogger<SqliteSiloStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new SqliteStorageOptionsValidator().Validate(name: null, options);
        if (validation.Failed)
        {
            throw new ArgumentException($"Invalid SQLite storage options: {validation.FailureMessage}", nameof(options));
        }

        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await _writeThread.RunAsync(Close, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Another call disposed the store meanwhile.
            return;
        }

        _writeThread.Complete();
    }

    private void Close()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var wasOpen = _writeConnection is not null;
        CloseAll();
        if (wasOpen)
        {
            _logger.StoreClosed(_databasePath);
        }
    }

    // Closes the pooled readers first, then the writer (the last connection checkpoints the WAL), then the lock.
    private void CloseAll()
    {
        var readConnectionString = _readConnectionString;
        _readConnectionString = null;
        if (readConnectionString is not null)
        {
            using var connection = new SqliteConnection(readConnectionString);
            SqliteConnection.ClearPool(connection);
        }

        _commands?.Dispose();
        _commands = null;
        if (_writeConnection is not null)
        {
            _writeConnection.Dispose();
            _writeConnection = null;
        }

        _directoryLock?.Dispose();
        _directoryLock = null;
    }

    private SqliteConnection OpenReadConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connectionString = _readConnectionString
            ?? throw new InvalidOperationException("The storage is not open: call OpenAsync first.");
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void ThrowIfNotOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_readConnectionString is null)
        {
            throw new InvalidOperationException("The storage is not open: call OpenAsync first.");
        }
    }

    /// <summary>Runs <paramref name="write"/> on the write thread with the prepared commands of the open store.</summary>
    private Task WriteAsync(Action<WriteCommands> write, CancellationToken cancellationToken) =>
        WriteAsync(
            commands =>
            {
                write(commands);
                return true;
            },
            cancellationToken);

    /// <inheritdoc cref="WriteAsync(Action{WriteCommands}, CancellationToken)"/>
    private async Task<T> WriteAsync<T>(Func<WriteCommands, T> write, CancellationToken cancellationToken)
    {
        ThrowIfNotOpen();
        return await _writeThread.RunAsync(
            () =>
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var commands = _commands ?? throw new InvalidOperationException("The storage is not open: call OpenAsync first.");
                return write(commands);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="InTransaction{T}"/>
    private void InTransaction(WriteCommands commands, Action body) => InTransaction(
        commands,
        () =>
        {
            body();
            return true;
        });

    /// <summary>Runs <paramref name="body"/> in one transaction on the write connection, with the commands enlisted, and commits it.</summary>
    private T InTransaction<T>(WriteCommands commands, Func<T> body)
    {
        using var transaction = _writeConnection!.BeginTransaction();
        commands.Enlist(transaction);
        try
        {
            var result = body();
            transaction.Commit();
            return result;
        }
        finally
        {
            commands.Enlist(null);
        }
    }

    private static DateTimeOffset FromTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static void Bind(SqliteCommand command, int index, object value) => command.Parameters[index].Value = value;
}
