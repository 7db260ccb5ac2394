namespace Segmentation.Segments.Evaluation;

/// <summary>
/// Walks the instants at which entries enter a window of one span (at their time) and leave it (their time plus the
/// span), in order, from an as-of on: two cursors over the sorted entries, nothing copied.
/// </summary>
internal struct WindowSweep<TEntries>
    where TEntries : struct, IWindowEntries
{
    private readonly TEntries _entries;
    private readonly long _span;
    private int _entering;
    private int _leaving;

    public WindowSweep(TEntries entries, long span, long asOf)
    {
        _entries = entries;
        _span = span;
        _entering = entries.CountThrough(asOf);
        _leaving = entries.CountThrough(asOf - span);
    }

    /// <summary>
    /// The aggregate over the window at the cursors (at the as-of until <see cref="FirstFlip"/> moves them), and whether
    /// no entry in it weighs less than zero.
    /// </summary>
    public readonly decimal Sum(out bool nonNegative) => _entries.Sum(_leaving, _entering, out nonNegative);

    /// <summary>The next instant an entry enters or leaves the window; <see cref="long.MaxValue"/> when none will.</summary>
    public readonly long Next => Math.Min(EntersAt(_entering), LeavesAt(_leaving));

    /// <summary>
    /// True when a condition of <paramref name="threshold"/> whose truth at the cursors is <paramref name="truth"/> can
    /// no longer flip: nothing is left to enter and no entry in the window weighs less than zero (<paramref name="nonNegative"/>),
    /// so the aggregate only shrinks, and shrinking keeps the condition as it is.
    /// </summary>
    public readonly bool Settled(bool truth, Threshold threshold, bool nonNegative) =>
        nonNegative && EntersAt(_entering) == long.MaxValue && threshold == (truth ? Threshold.TrueBelow : Threshold.TrueAbove);

    /// <summary>
    /// The first instant before <paramref name="limit"/> at which <paramref name="predicate"/> of the aggregate differs
    /// from <paramref name="truth"/>, its value for <paramref name="value"/> (the <see cref="Sum"/> at the as-of);
    /// <see cref="long.MaxValue"/> for none.
    /// </summary>
    public long FirstFlip(decimal value, bool truth, Func<decimal?, bool> predicate, long limit)
    {
        for (var instant = Next; instant < limit; instant = Next)
        {
            for (; EntersAt(_entering) == instant; _entering++)
            {
                value = WindowSource.Add(value, _entries.WeightAt(_entering));
            }

            for (; LeavesAt(_leaving) == instant; _leaving++)
            {
                value = WindowSource.Add(value, -_entries.WeightAt(_leaving));
            }

            if (predicate(value) != truth)
            {
                return instant;
            }
        }

        return long.MaxValue;
    }

    private readonly long EntersAt(int index) => index < _entries.Count ? _entries.TicksAt(index) : long.MaxValue;

    /// <summary>When the entry at <paramref name="index"/> leaves; <see cref="long.MaxValue"/> past the end or beyond the calendar.</summary>
    private readonly long LeavesAt(int index) =>
        index < _entries.Count && _entries.TicksAt(index) <= WindowSource.MaxTicks - _span ? _entries.TicksAt(index) + _span : long.MaxValue;
}
