namespace Segmentation.Storage.Sqlite;

/// <summary>How hard SQLite pushes each commit to the disk (its <c>PRAGMA synchronous</c> setting, in WAL mode).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// The WAL is synced on every commit: a commit that returned survives a power loss. The default, and what
    /// "acknowledged only after it is durably appended" requires.
    /// </summary>
    Full = 0,

    /// <summary>
    /// The WAL is synced only at checkpoints: faster, and the database never corrupts, but the last commits
    /// before a power loss (not a process crash) can be lost. Only for deployments that accept that.
    /// </summary>
    Normal = 1,
}
