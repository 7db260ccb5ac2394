namespace Segmentation.Import.Cli;

/// <summary>The process exit codes of the import command.</summary>
public static class ImportExitCodes
{
    /// <summary>Every event was accepted (rows rejected by the importer itself do not fail the run; see the summary).</summary>
    public const int Success = 0;

    /// <summary>The tracking API rejected some events or gave up on them after retries.</summary>
    public const int EventsFailed = 1;

    /// <summary>Bad options or a file that cannot be imported as it is (missing, unreadable, missing columns, refused format).</summary>
    public const int InvalidInput = 2;

    /// <summary>The tracking API could not be reached, refused the write key or has no batch endpoint; sending stopped.</summary>
    public const int ApiUnavailable = 3;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
