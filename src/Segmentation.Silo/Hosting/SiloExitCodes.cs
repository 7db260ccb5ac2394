namespace Segmentation.Silo.Hosting;

/// <summary>
/// The exit codes of the silo process (after the BSD <c>sysexits.h</c> convention), so that a supervisor can tell
/// a graceful stop from a refusal to start, and need not restart a silo whose settings are wrong.
/// </summary>
public static class SiloExitCodes
{
    /// <summary>Stopped gracefully: appends flushed, activations collected, partitions checkpointed.</summary>
    public const int Success = 0;

    /// <summary>Recovery failed after the store was opened (EX_SOFTWARE); the silo never became ready.</summary>
    public const int RecoveryFailed = 70;

    /// <summary>The HTTP address is in use by another process (EX_UNAVAILABLE).</summary>
    public const int AddressInUse = 69;

    /// <summary>
    /// The store cannot be opened (EX_IOERR): its data directory is in use by another silo, not writable, not a
    /// directory, or the database is corrupt or was created with another partition count.
    /// </summary>
    public const int StorageUnavailable = 74;

    /// <summary>A setting is invalid or cannot be read (EX_CONFIG).</summary>
    public const int InvalidConfiguration = 78;
}
