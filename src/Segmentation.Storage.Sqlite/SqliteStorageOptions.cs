namespace Segmentation.Storage.Sqlite;

/// <summary>
/// Settings of <see cref="SqliteSiloStorage"/>: one database file <c>segmentation.db</c> and one lock file
/// <c>segmentation.lock</c> in <see cref="DataDirectory"/>. Checked by <see cref="SqliteStorageOptionsValidator"/>.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>
    /// The directory of the store, created when missing; relative paths are resolved against the current
    /// directory when the store opens. Default: <c>data</c>. One silo process at a time may use it.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How each commit reaches the disk. Default: <see cref="SqliteSynchronousMode.Full"/> (fsync per commit).</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>Page cache of the write connection, in KiB. Default: 32768 (32 MiB).</summary>
    public int WriteCacheSizeKib { get; set; } = 32 * 1024;

    /// <summary>
    /// The WAL size, in pages, at which a commit copies the WAL back into the database file (SQLite's
    /// <c>wal_autocheckpoint</c>). Larger values mean fewer, longer copies and a larger WAL file.
    /// Default: 8000 pages (32 MiB with the store's 4 KiB pages; SQLite's own default is 1000).
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 8000;

    /// <summary>
    /// Runs SQLite's <c>PRAGMA quick_check</c> over the whole file on open, which reads every page: it finds
    /// damage before recovery relies on the file, at a cost that grows with the file. Default: <c>false</c>
    /// (the header and schema are always checked).
    /// </summary>
    public bool VerifyIntegrityOnOpen { get; set; }
}
