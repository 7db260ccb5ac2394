namespace Segmentation.Grains.Segments;

/// <summary>How backfills send evaluations to customers. Section <c>Segmentation:Segments:Backfill</c>.</summary>
public sealed class SegmentBackfillOptions
{
    public const string SectionName = "Segmentation:Segments:Backfill";

    /// <summary>
    /// Customers asked to evaluate per durable append (one registry page). Default 2,000: a group commit takes up to
    /// <c>Segmentation:Silo:MaxAppendBatch</c> records, so tracking appends share every commit with a backfill's.
    /// </summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>Backfill appends waiting for the disk at once; the next page waits for the oldest. Default 2.</summary>
    public int MaxAppendsInFlight { get; set; } = 2;

    /// <summary>
    /// Customers asked that have not reported back yet, at most: past it the backfill waits for them, so their
    /// evaluations never queue up ahead of tracking calls by more than this. Default 5,000.
    /// </summary>
    public int MaxOutstanding { get; set; } = 5_000;

    /// <summary>How often a waiting backfill asks the segment grain how many customers reported back. Default 20 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(20);
}
