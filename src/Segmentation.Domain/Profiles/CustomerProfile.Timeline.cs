using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>
/// The event timeline (every track event of the window retention with its scalar properties) and window
/// queries over any span, for rules such as "2 shoe views in 14 days". "In the window (from, to]" excludes
/// <c>from</c> and includes <c>to</c>, like <see cref="GetWindowTotals"/>; answers are exact for any window that
/// starts at or after <see cref="LatestEventAt"/> minus <see cref="ProfileLimits.WindowRetention"/>.
/// </summary>
public sealed partial class CustomerProfile
{
    private EventTimeline? _timeline;

    /// <summary>The track events named exactly <paramref name="eventName"/> within the retention, oldest first.</summary>
    public TrackedEventTimeline GetEventTimeline(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return new TrackedEventTimeline(_timeline?.Get(eventName));
    }

    /// <summary>How many entries of <paramref name="series"/> fall in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>].</summary>
    public int CountInWindow(WindowSeries series, DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        var from = fromExclusive.UtcTicks;
        var to = toInclusive.UtcTicks;
        return series switch
        {
            WindowSeries.ProductViews => Browsing.ProductViews.CountBetween(from, to),
            WindowSeries.CartAdds => CartAdds.CountBetween(from, to),
            WindowSeries.Orders => CountOrdersBetween(from, to),
            _ => throw new ArgumentOutOfRangeException(nameof(series), series, "Unknown window series."),
        };
    }

    /// <summary>The net amount of the orders that count placed in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>].</summary>
    public decimal RevenueInWindow(DateTimeOffset fromExclusive, DateTimeOffset toInclusive) =>
        OrdersBetween(fromExclusive.UtcTicks, toInclusive.UtcTicks).Revenue;

    /// <summary>The entries of a window series within the retention, oldest first (a view, nothing copied).</summary>
    public WindowTimeline GetWindowTimeline(WindowSeries series) => series switch
    {
        WindowSeries.ProductViews => new WindowTimeline(Browsing.ProductViews),
        WindowSeries.CartAdds => new WindowTimeline(CartAdds),
        WindowSeries.Orders => new WindowTimeline(Orders.Counted),
        _ => throw new ArgumentOutOfRangeException(nameof(series), series, "Unknown window series."),
    };

    /// <summary>
    /// The newest value of a top-level trait when it is a string, number or boolean (parsed once when the trait
    /// is set); null when absent or an object, array or null.
    /// </summary>
    public ScalarValue? GetTraitScalar(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Traits.Get(name)?.Scalar;
    }
}
