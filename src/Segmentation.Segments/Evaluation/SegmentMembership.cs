namespace Segmentation.Segments.Evaluation;

/// <summary>
/// A customer's membership of one segment as last evaluated: member or not, and the instant it flips by time alone
/// (that segment's <see cref="CompiledSegmentRule.NextChange"/>); from that instant on it counts as flipped.
/// </summary>
public readonly record struct SegmentMembership(bool IsMember, DateTimeOffset? NextChangeAt)
{
    /// <summary>Whether the customer is a member at <paramref name="asOfTicks"/> (UTC ticks).</summary>
    public bool IsMemberAt(long asOfTicks) => NextChangeAt is { } next && asOfTicks >= next.UtcTicks ? !IsMember : IsMember;
}
