using Microsoft.Extensions.Logging;

namespace Segmentation.Storage.Sqlite;

/// <summary>The log messages of <see cref="SqliteSiloStorage"/> (ids and counts only, never payloads).</summary>
internal static partial class SqliteSiloStorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Created SQLite store {DatabasePath} with {PartitionCount} partitions (schema version {SchemaVersion})")]
    public static partial void StoreCreated(this ILogger logger, string databasePath, int partitionCount, int schemaVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Opened SQLite store {DatabasePath} with {PartitionCount} partitions (schema version {SchemaVersion}, synchronous {Synchronous})")]
    public static partial void StoreOpened(
        this ILogger logger, string databasePath, int partitionCount, int schemaVersion, SqliteSynchronousMode synchronous);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Closed SQLite store {DatabasePath}")]
    public static partial void StoreClosed(this ILogger logger, string databasePath);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information,
        Message = "Migrated SQLite store {DatabasePath} from schema version {FromVersion} to {ToVersion}")]
    public static partial void StoreMigrated(this ILogger logger, string databasePath, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug,
        Message = "Checkpoint of partition {Partition} at offset {CheckpointOffset}: {SnapshotCount} snapshots, {ReminderChangeCount} reminder changes, {IndexedCount} log records indexed, {TruncatedCount} deleted")]
    public static partial void CheckpointWritten(
        this ILogger logger, int partition, long checkpointOffset, int snapshotCount, int reminderChangeCount, int indexedCount, int truncatedCount);
}
