namespace Segmentation.Grains.Segments;

/// <summary>What a backfill must do for one customer (see <see cref="SegmentMembershipEvaluator.CheckBackfill"/>).</summary>
public enum SegmentBackfillNeed : byte
{
    /// <summary>Nothing: the customer's memberships and its reminder already agree with the new definition.</summary>
    None,

    /// <summary>A durable evaluation: the customer enters or leaves, or the rule flips by time before its reminder.</summary>
    Evaluate,

    /// <summary>The definitions no longer have this version (a newer one was saved, or the segment was deleted).</summary>
    Superseded,
}
