using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>
/// Exact rolling windows over product views, cart adds, orders and revenue. "In the last N days" at
/// <c>asOf</c> means timestamps in (asOf - N days, asOf]. Values are exact for any <c>asOf</c> at or after
/// <see cref="LatestEventAt"/> (older entries than the retention are gone only where no window at such an
/// instant can see them).
/// </summary>
public sealed partial class CustomerProfile
{
    /// <summary>The windows, as days.</summary>
    private static ReadOnlySpan<int> WindowDays => [1, 7, 30, 90];

    /// <summary>The totals of one window at <paramref name="asOf"/>.</summary>
    public WindowTotals GetWindowTotals(RollingWindow window, DateTimeOffset asOf)
    {
        var to = asOf.UtcTicks;
        var from = to - ((int)window * TimeSpan.TicksPerDay);
        var (orders, revenue) = OrdersBetween(from, to);
        return new WindowTotals(
            window,
            asOf.ToUniversalTime(),
            Browsing.ProductViews.CountBetween(from, to),
            CartAdds.CountBetween(from, to),
            orders,
            revenue);
    }

    /// <summary>The totals of every window (1, 7, 30, 90 days) at <paramref name="asOf"/>.</summary>
    public IReadOnlyList<WindowTotals> GetAllWindowTotals(DateTimeOffset asOf) =>
    [
        GetWindowTotals(RollingWindow.OneDay, asOf),
        GetWindowTotals(RollingWindow.SevenDays, asOf),
        GetWindowTotals(RollingWindow.ThirtyDays, asOf),
        GetWindowTotals(RollingWindow.NinetyDays, asOf),
    ];

    /// <summary>
    /// The earliest instant strictly after <paramref name="after"/> at which any window total changes as time
    /// passes (an event enters a window when its time is reached, and leaves it exactly N days later); null when
    /// no total will change without new events. Exact for <paramref name="after"/> at or after <see cref="LatestEventAt"/>.
    /// </summary>
    public DateTimeOffset? NextWindowChange(DateTimeOffset after)
    {
        var cursor = after.UtcTicks;
        while (true)
        {
            long? candidate = null;
            foreach (var days in WindowDays)
            {
                var span = days * TimeSpan.TicksPerDay;
                candidate = Earliest(candidate, NextChange(Browsing.ProductViews, cursor, span, null));
                candidate = Earliest(candidate, NextChange(CartAdds, cursor, span, null));
                candidate = Earliest(candidate, NextChange(Orders.Counted, cursor, span, null));
            }

            if (candidate is not { } instant)
            {
                return null;
            }

            // An entry can coincide with exits that cancel it in a window; only a real change counts. (With
            // pruning relative to the latest event the 90-day window always changes at an entry, so this rarely
            // loops, but the answer does not depend on that.)
            if (TotalsDiffer(instant - 1, instant))
            {
                return Time.At(instant);
            }

            cursor = instant;
        }
    }

    private (int Orders, decimal Revenue) OrdersBetween(long fromExclusive, long toInclusive)
    {
        var counted = Orders.Counted;
        if (toInclusive <= fromExclusive)
        {
            return (0, 0m);
        }

        var start = counted.CountThrough(fromExclusive);
        var end = counted.CountThrough(toInclusive);
        var revenue = 0m;
        for (var i = start; i < end; i++)
        {
            revenue = Money.Add(revenue, counted[i].Net);
        }

        return (end - start, Money.Normalize(revenue));
    }

    private int CountOrdersBetween(long fromExclusive, long toInclusive) => Orders.Counted.CountBetween(fromExclusive, toInclusive);

    private bool TotalsDiffer(long before, long at)
    {
        foreach (var days in WindowDays)
        {
            var span = days * TimeSpan.TicksPerDay;
            if (Browsing.ProductViews.CountBetween(before - span, before) != Browsing.ProductViews.CountBetween(at - span, at)
                || CartAdds.CountBetween(before - span, before) != CartAdds.CountBetween(at - span, at)
                || OrdersBetween(before - span, before) != OrdersBetween(at - span, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first instant after <paramref name="cursor"/> at which a counted entry enters (its own time) or leaves
    /// (its time plus <paramref name="span"/>) a window of that span.
    /// </summary>
    private static long? NextChange<T>(TimedBuffer<T> timeline, long cursor, long span, Func<T, bool>? counts)
        where T : struct, ITimed, IComparable<T>
    {
        long? result = null;
        for (var i = timeline.CountThrough(cursor); i < timeline.Count; i++)
        {
            if (counts is null || counts(timeline[i]))
            {
                result = timeline[i].Ticks;
                break;
            }
        }

        var maxTicks = DateTimeOffset.MaxValue.UtcTicks;
        for (var i = timeline.CountThrough(cursor - span); i < timeline.Count; i++)
        {
            var entry = timeline[i];
            if (entry.Ticks > maxTicks - span || (result is { } r && entry.Ticks + span >= r))
            {
                break;
            }

            if (counts is null || counts(entry))
            {
                result = entry.Ticks + span;
                break;
            }
        }

        return result;
    }

    private static long? Earliest(long? left, long? right) => Time.Min(left, right);
}
