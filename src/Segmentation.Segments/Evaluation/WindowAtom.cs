using Segmentation.Domain.Profiles;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// A condition on a windowed aggregate, e.g. <c>views(7d) &gt;= 3</c>. The aggregate changes only when an entry
/// enters the window (at its time) or leaves it (its time plus the span); <see cref="NextFlip"/> sweeps those
/// instants in order, updating the aggregate, until the condition's truth differs: O(entries), no re-counting.
/// </summary>
internal sealed class WindowAtom(WindowSource source, long span, Func<decimal, bool> predicate) : TemporalAtom
{
    public override bool Evaluate(ref EvaluationScope scope) =>
        predicate(source.ValueBetween(ref scope, scope.AsOfTicks - span, scope.AsOfTicks));

    public override long? NextFlip(ref EvaluationScope scope)
    {
        var points = source.Points(ref scope);
        var sweep = new Sweep(points, span, scope.AsOfTicks);
        return source.CountsEntries ? NextCountFlip(points, ref sweep) : NextSumFlip(points, ref sweep);
    }

    private long? NextCountFlip(IReadOnlyList<WindowPoint> points, ref Sweep sweep)
    {
        var count = sweep.Entering - sweep.Leaving;
        var initial = predicate(count);
        while (sweep.Next() is { } instant)
        {
            while (sweep.Entering < points.Count && points[sweep.Entering].Ticks == instant)
            {
                sweep.Entering++;
                count++;
            }

            while (sweep.LeavesAt(sweep.Leaving) == instant)
            {
                sweep.Leaving++;
                count--;
            }

            if (predicate(count) != initial)
            {
                return instant;
            }
        }

        return null;
    }

    private long? NextSumFlip(IReadOnlyList<WindowPoint> points, ref Sweep sweep)
    {
        var value = 0m;
        for (var i = sweep.Leaving; i < sweep.Entering; i++)
        {
            value = WindowSource.Add(value, points[i].Amount);
        }

        var initial = predicate(value);
        while (sweep.Next() is { } instant)
        {
            while (sweep.Entering < points.Count && points[sweep.Entering].Ticks == instant)
            {
                value = WindowSource.Add(value, points[sweep.Entering++].Amount);
            }

            while (sweep.LeavesAt(sweep.Leaving) == instant)
            {
                value = WindowSource.Add(value, -points[sweep.Leaving++].Amount);
            }

            if (predicate(value) != initial)
            {
                return instant;
            }
        }

        return null;
    }

    /// <summary>Two cursors over the entries: the next to enter the window and the next to leave it.</summary>
    private struct Sweep
    {
        private readonly IReadOnlyList<WindowPoint> _points;
        private readonly long _span;

        public Sweep(IReadOnlyList<WindowPoint> points, long span, long now)
        {
            _points = points;
            _span = span;
            Entering = UpperBound(points, now);
            Leaving = UpperBound(points, now - span);
        }

        public int Entering { get; set; }

        public int Leaving { get; set; }

        /// <summary>The instant the entry at <paramref name="index"/> leaves the window; null past the end or beyond the calendar.</summary>
        public readonly long? LeavesAt(int index) =>
            index < _points.Count && _points[index].Ticks <= WindowSource.MaxTicks - _span ? _points[index].Ticks + _span : null;

        /// <summary>The next instant an entry enters or leaves; null when none will.</summary>
        public readonly long? Next()
        {
            long? enter = Entering < _points.Count ? _points[Entering].Ticks : null;
            var leave = LeavesAt(Leaving);
            return enter is null && leave is null ? null : Math.Min(enter ?? long.MaxValue, leave ?? long.MaxValue);
        }

        /// <summary>The index of the first point after <paramref name="ticks"/>.</summary>
        private static int UpperBound(IReadOnlyList<WindowPoint> points, long ticks)
        {
            int low = 0, high = points.Count;
            while (low < high)
            {
                var mid = low + ((high - low) >> 1);
                if (points[mid].Ticks <= ticks)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
