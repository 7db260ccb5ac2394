namespace Segmentation.Grains.Segments;

/// <summary>A customer's membership of one segment: the definition version it was last evaluated against, and since when.</summary>
public readonly record struct SegmentMembershipEntry(int Version, DateTimeOffset Since);
