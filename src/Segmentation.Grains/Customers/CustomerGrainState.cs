using System.Collections.ObjectModel;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Grains.Segments;

namespace Segmentation.Grains.Customers;

/// <summary>
/// Everything a customer grain keeps: the profile, where it was merged to (an anonymous profile claimed by a
/// known customer), the anonymous ids this customer claimed, the profiles merged into it, and what it last told
/// the population shards (so it tells them only of changes), and its segment memberships with the bookkeeping of
/// their evaluation.
/// </summary>
internal sealed class CustomerGrainState
{
    // Allocated with their first id: most customers never claim an anonymous id or take in another profile.
    private HashSet<string>? _linkedAnonymousIds;
    private HashSet<string>? _mergedSources;

    public CustomerProfile Profile { get; set; } = new();

    public string? MergedInto { get; set; }

    /// <summary>The anonymous ids this customer claimed.</summary>
    public IReadOnlySet<string> LinkedAnonymousIds => (IReadOnlySet<string>?)_linkedAnonymousIds ?? ReadOnlySet<string>.Empty;

    /// <summary>The ids whose profiles were merged into this customer.</summary>
    public IReadOnlySet<string> MergedSources => (IReadOnlySet<string>?)_mergedSources ?? ReadOnlySet<string>.Empty;

    public RfmInput? ReportedRfm { get; set; }

    public string? ReportedEmail { get; set; }

    /// <summary>Whether the customer registry was told of this customer (on its first record).</summary>
    public bool Registered { get; set; }

    /// <summary>The segments this customer is in, by segment id (ordinal).</summary>
    public Dictionary<string, SegmentMembershipEntry> Segments { get; } = new(StringComparer.Ordinal);

    /// <summary>The instant of the last segment evaluation; the next one is never earlier.</summary>
    public DateTimeOffset? SegmentsEvaluatedAt { get; set; }

    /// <summary>When the segments reminder is set for; null when none is.</summary>
    public DateTimeOffset? SegmentReminderAt { get; set; }

    /// <summary>The sequence number of the latest evaluation's deltas (see <c>CustomerGrain.NextSegmentSequence</c>).</summary>
    public long SegmentSequence { get; set; }

    /// <summary>The cart's life, the trigger reminders and the decided occurrences (see <c>CustomerGrain.Triggers.cs</c>).</summary>
    public CustomerTriggerState Triggers { get; set; } = new();

    /// <summary>Adds a claimed anonymous id; false when it was claimed before.</summary>
    public bool AddLinkedAnonymousId(string anonymousId) => (_linkedAnonymousIds ??= new(StringComparer.Ordinal)).Add(anonymousId);

    /// <summary>Adds the id of a profile merged in; false when it was merged before.</summary>
    public bool AddMergedSource(string source) => (_mergedSources ??= new(StringComparer.Ordinal)).Add(source);
}
