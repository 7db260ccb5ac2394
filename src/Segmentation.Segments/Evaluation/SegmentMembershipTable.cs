namespace Segmentation.Segments.Evaluation;

/// <summary>A customer's memberships by segment id (ordinal), filled as segments are evaluated in dependency order.</summary>
public sealed class SegmentMembershipTable : ISegmentMembershipSource
{
    private readonly Dictionary<string, SegmentMembership> _memberships = new(StringComparer.Ordinal);

    public int Count => _memberships.Count;

    public void Set(string segmentId, SegmentMembership membership)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        _memberships[segmentId] = membership;
    }

    public bool Remove(string segmentId) => _memberships.Remove(segmentId);

    internal void Clear() => _memberships.Clear();

    public SegmentMembership GetMembership(string segmentId) => _memberships.GetValueOrDefault(segmentId);
}
