using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>
/// The entries of one <see cref="WindowSeries"/> within the retention, oldest first: each entry's time and amount (1 for
/// events, the net amount for orders). A read-only view over the profile, nothing copied: valid until the next change
/// to the profile.
/// </summary>
public readonly struct WindowTimeline
{
    private readonly TimedBuffer<ProductViewEntry>? _views;
    private readonly TimedBuffer<TickEntry>? _cartAdds;
    private readonly TimedBuffer<CountedOrderEntry>? _orders;

    internal WindowTimeline(TimedBuffer<ProductViewEntry> views)
    {
        _views = views;
    }

    internal WindowTimeline(TimedBuffer<TickEntry> cartAdds)
    {
        _cartAdds = cartAdds;
    }

    internal WindowTimeline(TimedBuffer<CountedOrderEntry> orders)
    {
        _orders = orders;
    }

    public int Count => _views?.Count ?? _cartAdds?.Count ?? _orders?.Count ?? 0;

    public WindowPoint this[int index] => _orders is { } orders
        ? new WindowPoint(orders.TicksAt(Checked(index)), orders[index].Net)
        : new WindowPoint(TicksAt(index), 1m);

    /// <summary>The UTC ticks of the entry at <paramref name="index"/>.</summary>
    public long TicksAt(int index)
    {
        Checked(index);
        return _views?.TicksAt(index) ?? _cartAdds?.TicksAt(index) ?? _orders!.TicksAt(index);
    }

    /// <summary>The number of entries at or before <paramref name="ticks"/> (UTC ticks).</summary>
    public int CountThrough(long ticks) => _views?.CountThrough(ticks) ?? _cartAdds?.CountThrough(ticks) ?? _orders?.CountThrough(ticks) ?? 0;

    private int Checked(int index) => (uint)index < (uint)Count ? index : throw new ArgumentOutOfRangeException(nameof(index));
}
