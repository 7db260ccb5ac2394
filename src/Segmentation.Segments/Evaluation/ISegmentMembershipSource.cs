namespace Segmentation.Segments.Evaluation;

/// <summary>This customer's membership of other segments, for <c>in_segment(...)</c>; an unknown id is "not a member".</summary>
public interface ISegmentMembershipSource
{
    SegmentMembership GetMembership(string segmentId);
}
