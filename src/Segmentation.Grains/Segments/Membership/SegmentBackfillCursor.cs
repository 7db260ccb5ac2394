namespace Segmentation.Grains.Segments;

/// <summary>
/// Where a segment's running backfill got to, for the backfill service to go on from there (after a restart) and to
/// pace itself: the version, each registry shard's count at the start (empty for a backfill that cannot resume), the
/// key each shard goes on after (null: its first), the shards done, and the customers asked that have not reported back.
/// </summary>
internal sealed record SegmentBackfillCursor(
    int Version, IReadOnlyList<int> ShardCounts, IReadOnlyList<string?> After, IReadOnlyList<bool> ShardDone, int Pending);
