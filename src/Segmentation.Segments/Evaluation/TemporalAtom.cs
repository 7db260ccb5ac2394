namespace Segmentation.Segments.Evaluation;

/// <summary>A condition whose truth can change as time passes, with no new event.</summary>
internal abstract class TemporalAtom : RuleNode
{
    /// <summary>
    /// True when the instant <see cref="NextFlip"/> gives is as far as this condition can see (another segment's next
    /// change: its membership after that is not known here), so the rule's next change is at most that instant.
    /// </summary>
    public virtual bool IsHorizon => false;

    /// <summary>The earliest instant strictly after the scope's at which the truth differs from the truth at the scope's; null for never.</summary>
    public abstract long? NextFlip(ref EvaluationScope scope);
}

/// <summary>
/// A temporal condition whose underlying value can only change at instants a <see cref="ChangeCandidate"/> lists
/// (a superset is fine): the flip is the first candidate at which the truth differs.
/// </summary>
internal sealed class CandidateAtom(ScopeTest test, ChangeCandidate candidates) : TemporalAtom
{
    public override bool Evaluate(ref EvaluationScope scope) => test(ref scope);

    public override long? NextFlip(ref EvaluationScope scope)
    {
        var initial = test(ref scope);
        var cursor = scope.AsOfTicks;
        while (candidates(ref scope, cursor) is { } candidate)
        {
            if (candidate <= cursor)
            {
                throw new InvalidOperationException("A change candidate must lie after the cursor.");
            }

            var at = scope.At(candidate);
            if (test(ref at) != initial)
            {
                return candidate;
            }

            cursor = candidate;
        }

        return null;
    }
}

/// <summary><c>in_segment("id")</c>: membership flips at the other segment's next change, beyond which nothing is known.</summary>
internal sealed class SegmentAtom(string segmentId, bool expected) : TemporalAtom
{
    public override bool IsHorizon => true;

    public override bool Evaluate(ref EvaluationScope scope) =>
        scope.Context.Memberships.GetMembership(segmentId).IsMemberAt(scope.AsOfTicks) == expected;

    public override long? NextFlip(ref EvaluationScope scope) =>
        scope.Context.Memberships.GetMembership(segmentId).NextChangeAt is { } next && next.UtcTicks > scope.AsOfTicks
            ? next.UtcTicks
            : null;
}
