namespace Segmentation.Grains.Segments;

/// <summary>A segment grain's live figures; <see cref="Backfill"/> is null until a backfill was started.</summary>
public sealed record SegmentStatus(long Count, long Entered, long Left, SegmentBackfill? Backfill);
