namespace Segmentation.Segments.Evaluation;

/// <summary>
/// A condition on a windowed aggregate, e.g. <c>views(7d) &gt;= 3</c>. The aggregate changes only when an entry
/// enters the window (at its time) or leaves it (its time plus the span); the next flip is found by sweeping those
/// instants in order, updating the aggregate, until the condition's truth differs or the limit is reached.
/// </summary>
internal sealed class WindowAtom(WindowSource source, long span, Func<decimal?, bool> predicate, Threshold threshold) : TemporalAtom
{
    public override bool Evaluate(ref EvaluationScope scope) =>
        predicate(source.ValueBetween(ref scope, scope.AsOfTicks - span, scope.AsOfTicks));

    public override bool Evaluate(ref EvaluationScope scope, long limit, out long flip) =>
        source.Evaluate(ref scope, span, predicate, threshold, limit, out flip);
}
