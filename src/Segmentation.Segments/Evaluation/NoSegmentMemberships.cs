namespace Segmentation.Segments.Evaluation;

/// <summary>The membership source of a context that has none: a member of nothing.</summary>
internal sealed class NoSegmentMemberships : ISegmentMembershipSource
{
    public static readonly NoSegmentMemberships Instance = new();

    public SegmentMembership GetMembership(string segmentId) => default;
}
