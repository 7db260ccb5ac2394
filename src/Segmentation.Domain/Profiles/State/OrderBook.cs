using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// All orders by id, and the totals over the orders that count (placed, not cancelled). Totals are adjusted by the
/// difference an event makes to its one order, so an event costs O(that order's events); first/last order time is
/// rescanned only when the order holding it stops counting or moves. A derived timeline holds the orders that count
/// within the window retention, with their net amounts, so windowed order counts are a binary search and windowed
/// revenue needs no lookups.
/// </summary>
internal sealed class OrderBook : IProfilePart<OrderBook>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static OrderBook Empty { get; } = new();

    private SortedStringMap<OrderRecord> _orders;
    private readonly TimedBuffer<CountedOrderEntry> _counted = new();

    public bool IsEmpty => _orders.Count == 0;

    public int Count { get; private set; }

    public decimal NetRevenue { get; private set; }

    public decimal Refunded { get; private set; }

    public long? FirstPlacedTicks { get; private set; }

    public long? LastPlacedTicks { get; private set; }

    /// <summary>The orders that count, by placement time, within the retention (derived, not stored).</summary>
    public TimedBuffer<CountedOrderEntry> Counted => _counted;

    /// <summary>The orders, by id in ordinal order.</summary>
    public IEnumerable<OrderRecord> Records => _orders.Pairs().Select(static pair => pair.Value);

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
        _counted.PruneThrough(ticks);
    }

    public void MergeFrom(OrderBook other)
    {
        foreach (var (orderId, theirs) in other._orders.Pairs())
        {
            ref var mine = ref _orders.GetValueRefOrAddDefault(orderId, out var exists);
            if (!exists)
            {
                mine = new OrderRecord(orderId);
            }

            mine.MergeFrom(theirs);
        }

        Rebuild();
    }

    public void Write(SnapshotWriter writer)
    {
        writer.WriteInt(_orders.Count);
        foreach (var record in Records)
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
            book._orders.Set(record.OrderId, record);
        }

        book.Rebuild();
        return book;
    }

    private bool Change(string orderId, Func<OrderRecord, bool> change)
    {
        ref var slot = ref _orders.GetValueRefOrAddDefault(orderId, out var exists);
        if (!exists)
        {
            slot = new OrderRecord(orderId);
        }

        var record = slot;

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
        for (var i = 0; i < _orders.Count; i++)
        {
            var record = _orders.ValueAt(i);
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
        _counted.Clear();

        for (var i = 0; i < _orders.Count; i++)
        {
            var record = _orders.ValueAt(i);
            var facts = record.Evaluate();
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
