using Segmentation.Domain.Profiles;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// A windowed aggregate: the sum of the weights of a timeline's entries in (asOf - span, asOf] (a count when every
/// weight is 1), and the entries themselves for finding when the aggregate changes.
/// </summary>
internal abstract class WindowSource
{
    public static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    /// <summary>The aggregate over (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>] (UTC ticks).</summary>
    public abstract decimal ValueBetween(ref EvaluationScope scope, long fromExclusive, long toInclusive);

    /// <summary>True when every entry weighs 1 (a count), so <see cref="Points"/>' amounts do not matter.</summary>
    public abstract bool CountsEntries { get; }

    /// <summary>The entries, ordered by time (for a count, the entries that count).</summary>
    public abstract IReadOnlyList<WindowPoint> Points(ref EvaluationScope scope);

    protected static DateTimeOffset At(long ticks) => new(Math.Clamp(ticks, 0, MaxTicks), TimeSpan.Zero);

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

/// <summary>Product views, cart adds, order counts or order revenue (the profile's own window timelines).</summary>
internal sealed class SeriesWindowSource(WindowSeries series, bool revenue) : WindowSource
{
    public override decimal ValueBetween(ref EvaluationScope scope, long fromExclusive, long toInclusive) => revenue
        ? scope.Profile.RevenueInWindow(At(fromExclusive), At(toInclusive))
        : scope.Profile.CountInWindow(series, At(fromExclusive), At(toInclusive));

    public override bool CountsEntries => !revenue;

    public override IReadOnlyList<WindowPoint> Points(ref EvaluationScope scope) => scope.Profile.GetWindowPoints(series);
}

/// <summary>Track events of one name on the event timeline, filtered; counted, or a numeric property summed.</summary>
internal sealed class EventWindowSource(string eventName, EventFilter? filter, string? sumProperty) : WindowSource
{
    public override decimal ValueBetween(ref EvaluationScope scope, long fromExclusive, long toInclusive)
    {
        var timeline = scope.Profile.GetEventTimeline(eventName);
        if (toInclusive <= fromExclusive)
        {
            return 0m;
        }

        var start = timeline.CountThrough(fromExclusive);
        var end = timeline.CountThrough(toInclusive);
        if (filter is null && sumProperty is null)
        {
            return end - start;
        }

        if (sumProperty is null)
        {
            var count = 0;
            for (var i = start; i < end; i++)
            {
                if (filter!.Matches(timeline[i]))
                {
                    count++;
                }
            }

            return count;
        }

        try
        {
            var total = 0m;
            for (var i = start; i < end; i++)
            {
                var entry = timeline[i];
                if ((filter is null || filter.Matches(entry)) && entry.TryGetNumber(sumProperty, out var number))
                {
                    total += number;
                }
            }

            return total;
        }
        catch (OverflowException)
        {
            var total = 0m;
            for (var i = start; i < end; i++)
            {
                total = Add(total, Weight(timeline[i]));
            }

            return total;
        }
    }

    public override bool CountsEntries => sumProperty is null;

    public override IReadOnlyList<WindowPoint> Points(ref EvaluationScope scope)
    {
        var timeline = scope.Profile.GetEventTimeline(eventName);
        var points = new List<WindowPoint>(timeline.Count);
        for (var i = 0; i < timeline.Count; i++)
        {
            var entry = timeline[i];
            var weight = Weight(entry);
            if (weight != 0m)
            {
                points.Add(new WindowPoint(entry.Ticks, weight));
            }
        }

        return points;
    }

    private decimal Weight(TrackedEvent entry)
    {
        if (filter is not null && !filter.Matches(entry))
        {
            return 0m;
        }

        if (sumProperty is null)
        {
            return 1m;
        }

        return entry.TryGetNumber(sumProperty, out var number) ? number : 0m;
    }
}
