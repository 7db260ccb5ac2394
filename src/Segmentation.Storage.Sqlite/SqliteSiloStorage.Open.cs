using System.Globalization;
using Microsoft.Data.Sqlite;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite.Sql;

namespace Segmentation.Storage.Sqlite;

public sealed partial class SqliteSiloStorage
{
    // Primary SQLite result codes that OpenAsync translates.
    private const int SqliteError = 1;
    private const int SqlitePermission = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteAuth = 23;
    private const int SqliteNotADatabase = 26;

    /// <inheritdoc />
    /// <remarks>
    /// Creates the data directory and the database when missing, takes the directory's lock file, checks the
    /// file header, schema version and partition count, and never rewrites a file it cannot read as a store.
    /// </remarks>
    public async Task OpenAsync(int partitionCount, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckPartitionCount(partitionCount);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeThread.RunAsync(() => Open(partitionCount), cancellationToken).ConfigureAwait(false);
    }

    private void Open(int partitionCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_opened)
        {
            throw new InvalidOperationException("The storage is already open.");
        }

        try
        {
            OpenStore(partitionCount);
        }
        catch
        {
            CloseAll();
            throw;
        }

        _opened = true;
    }

    private void OpenStore(int partitionCount)
    {
        var directory = Path.GetFullPath(_options.DataDirectory);
        _databasePath = Path.Combine(directory, DatabaseFileName);
        CreateDataDirectory(directory);
        _directoryLock = StoreDirectoryLock.Acquire(Path.Combine(directory, LockFileName));

        var writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString();
        var connection = _writeConnection = new SqliteConnection(writeConnectionString);
        bool created;
        try
        {
            connection.Open();
            // Everything is read and checked before the first write, so a refused file is left as it was.
            created = IsEmptyDatabase(connection);
            var version = (long)SchemaSql.Version;
            if (!created)
            {
                if (_options.VerifyIntegrityOnOpen)
                {
                    VerifyIntegrity(connection);
                }

                version = CheckMeta(connection, partitionCount);
            }

            ConfigureWriteConnection(connection, created);
            if (created)
            {
                CreateSchema(connection, partitionCount);
            }
            else
            {
                if (version == 1)
                {
                    MigrateFromVersion1(connection);
                }

                // Also proves that the file can be written (SQLite opens a write-protected file read-only).
                WriteMeta(connection, transaction: null, SchemaSql.LastOpenedAtKey, Now());
            }

            LoadPartitions(connection, partitionCount);
            _commands = new WriteCommands(connection);
            PrepareReadStatements(connection);
        }
        catch (SqliteException ex)
        {
            throw TranslateOpenFailure(ex);
        }

        _partitionCount = partitionCount;
        _readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();

        if (created)
        {
            _logger.StoreCreated(_databasePath, partitionCount, SchemaSql.Version);
        }

        _logger.StoreOpened(_databasePath, partitionCount, SchemaSql.Version, _options.Synchronous);
    }

    private static void CreateDataDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageOpenException(
                $"The data directory '{directory}' cannot be created or is not writable: {ex.Message}", ex);
        }
    }

    private void ConfigureWriteConnection(SqliteConnection connection, bool created)
    {
        if (created)
        {
            Execute(connection, SchemaSql.NewDatabasePragmas);
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StorageOpenException(
                    $"The database file '{_databasePath}' cannot be switched to WAL mode (it stays in '{mode}' mode): " +
                    "the file or its directory is probably not writable.");
            }
        }

        var synchronous = _options.Synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
        Execute(connection, string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA synchronous = {synchronous}; PRAGMA cache_size = -{_options.WriteCacheSizeKib}; " +
            $"PRAGMA wal_autocheckpoint = {_options.WalAutoCheckpointPages}; PRAGMA temp_store = MEMORY;"));
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private StorageOpenException Corrupt(string detail, Exception? innerException = null)
    {
        var message = $"The database file '{_databasePath}' is corrupt or is not a Segmentation store: {detail}. " +
                      "It was left untouched: restore it from a backup, or move it away to start an empty store.";
        return innerException is null ? new StorageOpenException(message) : new StorageOpenException(message, innerException);
    }

    private StorageOpenException TranslateOpenFailure(SqliteException ex) => ex.SqliteErrorCode switch
    {
        SqliteNotADatabase or SqliteCorrupt => Corrupt(ex.Message, ex),
        SqliteError => Corrupt($"it failed the schema check ({ex.Message})", ex),
        SqliteReadOnly or SqliteCantOpen or SqlitePermission or SqliteAuth => new StorageOpenException(
            $"The database file '{_databasePath}' or its directory is not writable by this process: {ex.Message}", ex),
        SqliteFull => new StorageOpenException($"The disk holding '{_databasePath}' is full: {ex.Message}", ex),
        SqliteBusy or SqliteLocked => new StorageOpenException(
            $"The database file '{_databasePath}' is in use by another process: {ex.Message}", ex),
        _ => new StorageOpenException($"The database file '{_databasePath}' cannot be opened: {ex.Message}", ex),
    };
}
