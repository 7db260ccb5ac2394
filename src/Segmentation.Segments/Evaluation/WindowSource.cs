namespace Segmentation.Segments.Evaluation;

/// <summary>
/// A windowed aggregate: the sum of the weights of a timeline's entries in (asOf - span, asOf] (a count when every
/// weight is 1), and the instants at which a condition on it flips as entries enter and leave the window.
/// </summary>
internal abstract class WindowSource
{
    public static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    /// <summary>The aggregate over (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>] (UTC ticks).</summary>
    public abstract decimal ValueBetween(ref EvaluationScope scope, long fromExclusive, long toInclusive);

    /// <summary>
    /// <paramref name="predicate"/> (of <paramref name="threshold"/>) of the aggregate over the window of
    /// <paramref name="span"/> ending at the scope's instant, and in <paramref name="flip"/> the earliest instant after it
    /// and before <paramref name="limit"/> at which the predicate differs (<see cref="long.MaxValue"/> for none before
    /// the limit).
    /// </summary>
    public abstract bool Evaluate(ref EvaluationScope scope, long span, Func<decimal?, bool> predicate, Threshold threshold, long limit, out long flip);

    /// <summary>Decimal addition that saturates instead of overflowing (sums of arbitrary event properties).</summary>
    public static decimal Add(decimal left, decimal right)
    {
        try
        {
            return left + right;
        }
        catch (OverflowException)
        {
            return right > 0 ? decimal.MaxValue : decimal.MinValue;
        }
    }
}
