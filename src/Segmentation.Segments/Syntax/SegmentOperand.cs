namespace Segmentation.Segments.Syntax;

/// <summary><c>in_segment("segment-id")</c>: the customer is a member of another segment.</summary>
public sealed record SegmentOperand(string SegmentId) : RuleOperand;
