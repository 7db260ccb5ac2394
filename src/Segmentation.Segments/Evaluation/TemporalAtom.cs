namespace Segmentation.Segments.Evaluation;

/// <summary>A condition whose truth can change as time passes, with no new event.</summary>
internal abstract class TemporalAtom : RuleNode
{
    /// <summary>The condition's position among its rule's temporal conditions.</summary>
    public int Index { get; set; }

    /// <summary>
    /// True when the flip <see cref="Evaluate(ref EvaluationScope, long, out long)"/> gives is as far as this condition
    /// can see (another segment's next change: its membership after that is not known here), so the rule's next change
    /// is at most that instant.
    /// </summary>
    public virtual bool IsHorizon => false;

    public sealed override bool Evaluate(ref EvaluationScope scope, ReadOnlySpan<bool> temporal) => temporal[Index];

    public sealed override bool? Settled(ref EvaluationScope scope) => null;

    /// <summary>
    /// The truth at the scope's instant, and in <paramref name="flip"/> the earliest instant after it and before
    /// <paramref name="limit"/> at which the truth differs (<see cref="long.MaxValue"/> for none before the limit).
    /// </summary>
    public abstract bool Evaluate(ref EvaluationScope scope, long limit, out long flip);
}

/// <summary><c>in_segment("id")</c>: membership flips at the other segment's next change, beyond which nothing is known.</summary>
internal sealed class SegmentAtom(string segmentId, bool expected) : TemporalAtom
{
    public override bool IsHorizon => true;

    public override bool Evaluate(ref EvaluationScope scope) =>
        scope.Memberships.GetMembership(segmentId).IsMemberAt(scope.AsOfTicks) == expected;

    public override bool Evaluate(ref EvaluationScope scope, long limit, out long flip)
    {
        var membership = scope.Memberships.GetMembership(segmentId);
        flip = membership.NextChangeAt is { UtcTicks: var next } && next > scope.AsOfTicks && next < limit ? next : long.MaxValue;
        return membership.IsMemberAt(scope.AsOfTicks) == expected;
    }
}
