using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// All orders by id, the totals over the orders that count (placed, not cancelled), and a timeline of placement
/// times within the window retention. Totals are adjusted by the difference an event makes to its one order,
/// so an event costs O(that order's events); first/last order time is rescanned only when the order holding
/// it stops counting or moves. A second, derived timeline holds only the orders that count, with their net
/// amounts, so windowed order counts are a binary search and windowed revenue needs no lookups.
/// </summary>
internal sealed class OrderBook
{
    private readonly Dictionary<string, OrderRecord> _orders = new(StringComparer.Ordinal);
    private readonly TimedBuffer<OrderTimeEntry> _timeline = new();
    private readonly TimedBuffer<CountedOrderEntry> _counted = new();

    public int Count { get; private set; }

    public decimal NetRevenue { get; private set; }

    public decimal Refunded { get; private set; }

    public long? FirstPlacedTicks { get; private set; }

    public long? LastPlacedTicks { get; private set; }

    public TimedBuffer<OrderTimeEntry> Timeline => _timeline;

    /// <summary>The orders that count, by placement time, within the retention (derived, not stored).</summary>
    public TimedBuffer<CountedOrderEntry> Counted => _counted;

    public IEnumerable<OrderRecord> Records => _orders.Values;

    public OrderFacts Facts(string orderId) => _orders.TryGetValue(orderId, out var record) ? record.Evaluate() : default;

    public bool Complete(string orderId, OrderPatch completion) => Change(orderId, record => record.Complete(completion));

    public void Update(string orderId, OrderPatch patch) => Change(orderId, record =>
    {
        record.Update(patch);
        return true;
    });

    public void Refund(string orderId, OrderRefund refund) => Change(orderId, record =>
    {
        record.Refund(refund);
        return true;
    });

    public void Cancel(string orderId, EventKey key) => Change(orderId, record =>
    {
        record.Cancel(key);
        return true;
    });

    public void PruneThrough(long ticks)
    {
        _timeline.PruneThrough(ticks);
        _counted.PruneThrough(ticks);
    }

    public void MergeFrom(OrderBook other)
    {
        foreach (var (orderId, theirs) in other._orders)
        {
            if (!_orders.TryGetValue(orderId, out var mine))
            {
                mine = new OrderRecord(orderId);
                _orders.Add(orderId, mine);
            }

            mine.MergeFrom(theirs);
        }

        Rebuild();
    }

    public void Write(SnapshotWriter writer)
    {
        writer.WriteInt(_orders.Count);
        foreach (var (_, record) in _orders.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            record.Write(writer);
        }
    }

    public static OrderBook Read(SnapshotReader reader)
    {
        var book = new OrderBook();
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            var record = OrderRecord.Read(reader);
            book._orders[record.OrderId] = record;
        }

        book.Rebuild();
        return book;
    }

    private bool Change(string orderId, Func<OrderRecord, bool> change)
    {
        if (!_orders.TryGetValue(orderId, out var record))
        {
            record = new OrderRecord(orderId);
            _orders.Add(orderId, record);
        }

        var before = record.Evaluate();
        var changed = change(record);
        var after = record.Evaluate();
        if (before.Counts)
        {
            Count--;
            NetRevenue = Money.Add(NetRevenue, -before.Net);
            Refunded = Money.Add(Refunded, -before.Refunded);
        }

        if (after.Counts)
        {
            Count++;
            NetRevenue = Money.Add(NetRevenue, after.Net);
            Refunded = Money.Add(Refunded, after.Refunded);
        }

        if (before.IsPlaced != after.IsPlaced || before.PlacedTicks != after.PlacedTicks)
        {
            if (before.IsPlaced)
            {
                _timeline.Remove(new OrderTimeEntry(before.PlacedTicks, orderId));
            }

            _timeline.Add(new OrderTimeEntry(after.PlacedTicks, orderId));
        }

        if (before.Counts)
        {
            _counted.Remove(new CountedOrderEntry(before.PlacedTicks, orderId, 0m));
        }

        if (after.Counts)
        {
            _counted.Add(new CountedOrderEntry(after.PlacedTicks, orderId, after.Net));
        }

        var moved = before.Counts && (!after.Counts || before.PlacedTicks != after.PlacedTicks);
        if (moved && (before.PlacedTicks == FirstPlacedTicks || before.PlacedTicks == LastPlacedTicks))
        {
            RescanFirstAndLast();
        }
        else if (after.Counts)
        {
            FirstPlacedTicks = Time.Min(FirstPlacedTicks, after.PlacedTicks);
            LastPlacedTicks = Time.Max(LastPlacedTicks, after.PlacedTicks);
        }

        return changed;
    }

    private void RescanFirstAndLast()
    {
        FirstPlacedTicks = null;
        LastPlacedTicks = null;
        foreach (var record in _orders.Values)
        {
            var facts = record.Evaluate();
            if (facts.Counts)
            {
                FirstPlacedTicks = Time.Min(FirstPlacedTicks, facts.PlacedTicks);
                LastPlacedTicks = Time.Max(LastPlacedTicks, facts.PlacedTicks);
            }
        }
    }

    private void Rebuild()
    {
        Count = 0;
        NetRevenue = 0m;
        Refunded = 0m;
        _timeline.Clear();
        _counted.Clear();

        foreach (var record in _orders.Values)
        {
            var facts = record.Evaluate();
            if (facts.IsPlaced)
            {
                _timeline.Add(new OrderTimeEntry(facts.PlacedTicks, record.OrderId));
            }

            if (facts.Counts)
            {
                _counted.Add(new CountedOrderEntry(facts.PlacedTicks, record.OrderId, facts.Net));
                Count++;
                NetRevenue = Money.Add(NetRevenue, facts.Net);
                Refunded = Money.Add(Refunded, facts.Refunded);
            }
        }

        RescanFirstAndLast();
    }
}
