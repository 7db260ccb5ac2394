namespace Segmentation.Segments.Evaluation;

/// <summary>A windowed aggregate over the entries a scope's profile gives, read in place.</summary>
internal abstract class WindowSource<TEntries> : WindowSource
    where TEntries : struct, IWindowEntries
{
    public sealed override decimal ValueBetween(ref EvaluationScope scope, long fromExclusive, long toInclusive)
    {
        if (toInclusive <= fromExclusive)
        {
            return 0m;
        }

        var entries = ReadEntries(ref scope);
        return entries.Sum(entries.CountThrough(fromExclusive), entries.CountThrough(toInclusive), out _);
    }

    public sealed override bool Evaluate(
        ref EvaluationScope scope, long span, Func<decimal?, bool> predicate, Threshold threshold, long limit, out long flip)
    {
        var sweep = new WindowSweep<TEntries>(ReadEntries(ref scope), span, scope.AsOfTicks);
        var value = sweep.Sum(out var nonNegative);
        var truth = predicate(value);
        flip = sweep.Next < limit && !sweep.Settled(truth, threshold, nonNegative) ? sweep.FirstFlip(value, truth, predicate, limit) : long.MaxValue;
        return truth;
    }

    protected abstract TEntries ReadEntries(ref EvaluationScope scope);
}
