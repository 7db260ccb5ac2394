using Segmentation.Domain.Profiles;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// The customer grain's per-change work: evaluates every segment of a <see cref="SegmentDefinitionSet"/> against the
/// profile (in dependency order, so <c>in_segment</c> sees this evaluation's memberships), updates the stored
/// memberships, reports who entered and left, and returns the earliest instant a time-dependent rule flips by time alone.
/// </summary>
public static partial class SegmentMembershipEvaluator
{
    private const int StackResults = 512;

    /// <summary>
    /// Evaluates at <see cref="SegmentEvaluationContext.AsOf"/>. A null <paramref name="profile"/> (empty, or merged
    /// into another customer) is a member of nothing. Memberships of segments that are gone, or of a deleted segment
    /// whose id was created again, are dropped without a change.
    /// </summary>
    /// <returns>When the result of a rule next changes with no new event; null when none will.</returns>
    public static DateTimeOffset? Evaluate(
        SegmentDefinitionSet set,
        CustomerProfile? profile,
        SegmentEvaluationContext context,
        Dictionary<string, SegmentMembershipEntry> memberships,
        List<SegmentMembershipChange> changes)
    {
        var memo = default(SegmentSetMemo);
        return Evaluate(set, profile, context, memberships, changes, SegmentInputChange.Everything, ref memo, remember: false);
    }

    /// <summary>
    /// As <see cref="Evaluate(SegmentDefinitionSet, CustomerProfile?, SegmentEvaluationContext, Dictionary{string, SegmentMembershipEntry}, List{SegmentMembershipChange})"/>,
    /// with the same memberships, changes and answer, evaluating only the segments <paramref name="change"/> can have
    /// affected when <paramref name="memo"/> (the customer's last evaluation, which left <paramref name="memberships"/>
    /// as they are) allows it (<see cref="CompiledSegmentSet.Evaluate(CustomerProfile, SegmentEvaluationContext, Span{bool}, in SegmentInputChange, ref SegmentSetMemo)"/>).
    /// </summary>
    public static DateTimeOffset? Evaluate(
        SegmentDefinitionSet set,
        CustomerProfile? profile,
        SegmentEvaluationContext context,
        Dictionary<string, SegmentMembershipEntry> memberships,
        List<SegmentMembershipChange> changes,
        in SegmentInputChange change,
        ref SegmentSetMemo memo) =>
        Evaluate(set, profile, context, memberships, changes, change, ref memo, remember: true);

    /// <summary>The evaluation, keeping <paramref name="memo"/> when <paramref name="remember"/> (which costs a wider search for the next change).</summary>
    private static DateTimeOffset? Evaluate(
        SegmentDefinitionSet set,
        CustomerProfile? profile,
        SegmentEvaluationContext context,
        Dictionary<string, SegmentMembershipEntry> memberships,
        List<SegmentMembershipChange> changes,
        in SegmentInputChange change,
        ref SegmentSetMemo memo,
        bool remember)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(changes);
        if (profile is null)
        {
            LeaveAll(set, memberships, changes);
            memo = default;
            return null;
        }

        var count = set.Segments.Count;
        Span<StoredMembership> stored = count <= StackResults ? stackalloc StoredMembership[count] : new StoredMembership[count];
        var unknown = ReadStored(set, memberships, stored);
        Span<bool> results = count <= StackResults ? stackalloc bool[count] : new bool[count];
        for (var i = 0; i < count; i++)
        {
            // The last evaluation's results, which the segments an event cannot have affected keep.
            results[i] = stored[i] == StoredMembership.Current;
        }

        var next = remember ? set.Rules.Evaluate(profile, context, results, change, ref memo) : set.Rules.Evaluate(profile, context, results);
        for (var i = 0; i < count; i++)
        {
            // Already as the rule says (the common case): nothing to look up or change.
            if (stored[i] == (results[i] ? StoredMembership.Current : StoredMembership.None))
            {
                continue;
            }

            var segment = set.Segments[i];
            switch (stored[i])
            {
                case StoredMembership.None or StoredMembership.Stale when results[i]:
                    memberships[segment.Id] = new SegmentMembershipEntry(segment.Version, context.AsOf);
                    changes.Add(new SegmentMembershipChange(segment, Entered: true));
                    break;
                case StoredMembership.OlderVersion when results[i]:
                    memberships[segment.Id] = memberships[segment.Id] with { Version = segment.Version };
                    break;
                case StoredMembership.Stale:
                    memberships.Remove(segment.Id);
                    break;
                case StoredMembership.Current or StoredMembership.OlderVersion when !results[i]:
                    memberships.Remove(segment.Id);
                    changes.Add(new SegmentMembershipChange(segment, Entered: false));
                    break;
            }
        }

        if (unknown)
        {
            DropUnknown(set, memberships);
        }

        return next;
    }

    /// <summary>
    /// What is stored for each segment of the set, by its index (one pass over the memberships, which are fewer than
    /// the segments); true when a membership names a segment the set does not have.
    /// </summary>
    private static bool ReadStored(SegmentDefinitionSet set, Dictionary<string, SegmentMembershipEntry> memberships, Span<StoredMembership> stored)
    {
        var unknown = false;
        foreach (var (id, entry) in memberships)
        {
            var index = set.IndexOf(id);
            if (index < 0)
            {
                unknown = true;
                continue;
            }

            stored[index] = Classify(set.Segments[index], entry);
        }

        return unknown;
    }

    /// <summary>What a stored membership is against the segment's current definition.</summary>
    private static StoredMembership Classify(ActiveSegment segment, SegmentMembershipEntry entry) =>
        entry.Version < segment.FirstVersion ? StoredMembership.Stale
            : entry.Version == segment.Version ? StoredMembership.Current
            : StoredMembership.OlderVersion;

    /// <summary>Whether the stored memberships make the customer a member of <paramref name="segment"/> (of any version since its id was created).</summary>
    private static bool IsStoredMember(ActiveSegment segment, Dictionary<string, SegmentMembershipEntry> memberships) =>
        memberships.TryGetValue(segment.Id, out var entry) && Classify(segment, entry) != StoredMembership.Stale;

    private static void LeaveAll(SegmentDefinitionSet set, Dictionary<string, SegmentMembershipEntry> memberships, List<SegmentMembershipChange> changes)
    {
        foreach (var (id, entry) in memberships.OrderBy(static m => m.Key, StringComparer.Ordinal))
        {
            if (set.TryGet(id, out var segment) && entry.Version >= segment.FirstVersion)
            {
                changes.Add(new SegmentMembershipChange(segment, Entered: false));
            }
        }

        memberships.Clear();
    }

    private static void DropUnknown(SegmentDefinitionSet set, Dictionary<string, SegmentMembershipEntry> memberships)
    {
        foreach (var id in memberships.Keys.Where(id => !set.TryGet(id, out _)).ToList())
        {
            memberships.Remove(id);
        }
    }

    /// <summary>A stored membership of a segment, against the segment's current definition.</summary>
    private enum StoredMembership : byte
    {
        /// <summary>Not a member.</summary>
        None,

        /// <summary>A member, evaluated against the current version.</summary>
        Current,

        /// <summary>A member, evaluated against an earlier version of the same segment.</summary>
        OlderVersion,

        /// <summary>A membership of a deleted segment whose id was created again: not a member of this one.</summary>
        Stale,
    }
}
