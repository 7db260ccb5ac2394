namespace Segmentation.Performance.Baseline;

/// <summary>The counts of one refresh, published when it ended.</summary>
/// <param name="Now">The time the queries were evaluated at (the refresh's start).</param>
/// <param name="CompletedAt">When the refresh ended and its counts became visible.</param>
/// <param name="Counts">Count per segment id.</param>
public sealed record SegmentCounts(DateTimeOffset Now, DateTimeOffset CompletedAt, IReadOnlyDictionary<string, long> Counts)
{
    /// <summary>Before the first refresh: nothing counted.</summary>
    public static SegmentCounts None { get; } = new(
        DateTimeOffset.MinValue, DateTimeOffset.MinValue, BaselineSegment.All.ToDictionary(static s => s.Id, static _ => 0L));
}
