using Segmentation.Domain.Profiles;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

public static partial class SegmentMembershipEvaluator
{
    /// <summary>
    /// Read-only, for a backfill of <paramref name="version"/> of segment <paramref name="segmentId"/>: whether the
    /// customer must evaluate durably. It must when a segment of the backfill's scope (the segment and those that refer
    /// to it) gives another membership than the stored one (an entry or an exit), or when a rule of the scope flips by
    /// time alone before the customer's reminder (<paramref name="reminderAt"/>; null: none), which must then move. Any
    /// other customer is already right: its stored memberships hold until its reminder, where, as on its next record,
    /// it evaluates every segment of the current definitions. A reminder already due (at or before
    /// <see cref="SegmentEvaluationContext.AsOf"/>) evaluates everything anyway.
    /// </summary>
    /// <param name="set">The current definitions.</param>
    /// <param name="segmentId">The segment the backfill is for.</param>
    /// <param name="version">The version the backfill is for.</param>
    /// <param name="profile">The profile; null for a member of nothing (empty, or merged into another customer).</param>
    /// <param name="context">The instant (no earlier than the customer's last evaluation), cut points and lifecycle options.</param>
    /// <param name="memberships">The customer's stored memberships; <c>in_segment</c> conditions naming a segment outside the scope read them.</param>
    /// <param name="reminderAt">When the customer's segments reminder is due; null when none is set.</param>
    /// <exception cref="InvalidOperationException">The definitions are older than the backfill's version.</exception>
    public static SegmentBackfillNeed CheckBackfill(
        SegmentDefinitionSet set,
        string segmentId,
        int version,
        CustomerProfile? profile,
        SegmentEvaluationContext context,
        Dictionary<string, SegmentMembershipEntry> memberships,
        DateTimeOffset? reminderAt)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(memberships);
        if (!set.TryGet(segmentId, out var segment) || segment.Version > version)
        {
            return SegmentBackfillNeed.Superseded;
        }

        if (segment.Version < version)
        {
            throw new InvalidOperationException(
                $"The silo's definitions have version {segment.Version} of segment `{segmentId}`, older than the backfill's {version}.");
        }

        var scope = set.BackfillScopeOf(segmentId);
        var count = scope.Indices.Count;
        if (profile is null)
        {
            for (var i = 0; i < count; i++)
            {
                if (IsStoredMember(set.Segments[scope.Indices[i]], memberships))
                {
                    return SegmentBackfillNeed.Evaluate;
                }
            }

            return SegmentBackfillNeed.None;
        }

        if (reminderAt is { } due && context.AsOf >= due)
        {
            return SegmentBackfillNeed.None;
        }

        Span<bool> results = count <= StackResults ? stackalloc bool[count] : new bool[count];
        var withStored = scope.Rules.ExternalReferences.Count == 0
            ? context
            : context with { Memberships = new StoredSegmentMemberships(set, memberships) };
        if (scope.Rules.Evaluate(profile, withStored, results, before: reminderAt) is not null)
        {
            return SegmentBackfillNeed.Evaluate;
        }

        for (var i = 0; i < count; i++)
        {
            if (results[i] != IsStoredMember(set.Segments[scope.Indices[i]], memberships))
            {
                return SegmentBackfillNeed.Evaluate;
            }
        }

        return SegmentBackfillNeed.None;
    }

    /// <summary>
    /// A customer's stored memberships as <c>in_segment</c> conditions read them: constant until the customer's
    /// reminder, which is as far as a backfill's check looks.
    /// </summary>
    private sealed class StoredSegmentMemberships(SegmentDefinitionSet set, Dictionary<string, SegmentMembershipEntry> memberships)
        : ISegmentMembershipSource
    {
        public SegmentMembership GetMembership(string segmentId) =>
            new(set.TryGet(segmentId, out var segment) && IsStoredMember(segment, memberships), NextChangeAt: null);
    }
}
