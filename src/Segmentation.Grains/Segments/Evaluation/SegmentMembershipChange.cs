namespace Segmentation.Grains.Segments;

/// <summary>A customer entered (or left) <see cref="Segment"/> in an evaluation.</summary>
public readonly record struct SegmentMembershipChange(ActiveSegment Segment, bool Entered);
