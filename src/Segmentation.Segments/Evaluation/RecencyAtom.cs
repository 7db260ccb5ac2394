namespace Segmentation.Segments.Evaluation;

/// <summary>
/// <c>timestamp within w</c> (true on [t, t + w)) or <c>timestamp before w</c> (true from t + w on): the truth flips at
/// the timestamp and at the timestamp plus the window, nowhere else.
/// </summary>
internal sealed class RecencyAtom(ScopeValue<long?> timestamp, long span, bool within) : TemporalAtom
{
    public override bool Evaluate(ref EvaluationScope scope) => timestamp(ref scope) is { } t && IsTrue(t, scope.AsOfTicks);

    public override bool Evaluate(ref EvaluationScope scope, long limit, out long flip)
    {
        flip = long.MaxValue;
        if (timestamp(ref scope) is not { } t)
        {
            return false;
        }

        var asOf = scope.AsOfTicks;
        var end = t <= WindowSource.MaxTicks - span ? t + span : long.MaxValue;
        var next = within && t > asOf ? t : end > asOf ? end : long.MaxValue;
        flip = next < limit ? next : long.MaxValue;
        return IsTrue(t, asOf);
    }

    private bool IsTrue(long t, long asOf) => within ? t <= asOf && t > asOf - span : t <= asOf - span;
}
