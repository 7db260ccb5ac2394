using System.Runtime.InteropServices;
using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Everything known about one order id, kept so that the order's effective state is a function of the set of
/// its events: the earliest Order Completed (later ones are duplicates), and every Order Updated, Order Refunded
/// and Order Cancelled. Only those after the completion count, as they would in timestamp order; earlier ones
/// are kept in case an earlier completion arrives late.
/// </summary>
internal sealed class OrderRecord(string orderId)
{
    // Allocated with their first entry: most orders never see one.
    private List<OrderPatch>? _updates;
    private List<OrderRefund>? _refunds;
    private List<EventKey>? _cancellations;

    public string OrderId { get; } = orderId;

    public OrderPatch? Completed { get; private set; }

    /// <summary>Records an Order Completed; false when an earlier one already exists (a duplicate order id).</summary>
    public bool Complete(OrderPatch completion)
    {
        if (Completed is { } existing && existing.Key <= completion.Key)
        {
            return false;
        }

        Completed = completion;
        return true;
    }

    public void Update(OrderPatch patch)
    {
        InsertSorted(_updates ??= [], patch, p => p.Key);
    }

    public void Refund(OrderRefund refund)
    {
        InsertSorted(_refunds ??= [], refund, r => r.Key);
    }

    public void Cancel(EventKey key)
    {
        InsertSorted(_cancellations ??= [], key, k => k);
    }

    /// <summary>The order's effective state, computed from its few events when asked (not kept); not placed without a completion.</summary>
    public OrderFacts Evaluate()
    {
        if (Completed is not { } completed)
        {
            return default;
        }

        var amount = completed.Amount ?? 0m;
        var currency = completed.Currency;
        var items = completed.Items ?? ProductLines.Empty;
        foreach (var patch in CollectionsMarshal.AsSpan(_updates))
        {
            if (patch.Key > completed.Key)
            {
                amount = patch.Amount ?? amount;
                currency = patch.Currency ?? currency;
                items = patch.Items ?? items;
            }
        }

        var refunded = 0m;
        foreach (var refund in CollectionsMarshal.AsSpan(_refunds))
        {
            if (refund.Key > completed.Key)
            {
                refunded = Money.Add(refunded, refund.Amount ?? amount);
            }
        }

        refunded = Money.Normalize(Math.Clamp(refunded, 0m, Math.Max(amount, 0m)));
        long? cancelledTicks = null;
        foreach (var key in CollectionsMarshal.AsSpan(_cancellations))
        {
            if (key > completed.Key)
            {
                cancelledTicks = key.Ticks;
                break;
            }
        }

        var net = cancelledTicks is null ? Money.Normalize(Math.Max(Money.Add(amount, -refunded), 0m)) : 0m;
        return new OrderFacts(true, completed.Key.Ticks, amount, refunded, net, cancelledTicks, currency, items);
    }

    public void MergeFrom(OrderRecord other)
    {
        if (other.Completed is { } completion)
        {
            Complete(completion);
        }

        foreach (var patch in CollectionsMarshal.AsSpan(other._updates))
        {
            Update(patch);
        }

        foreach (var refund in CollectionsMarshal.AsSpan(other._refunds))
        {
            Refund(refund);
        }

        foreach (var key in CollectionsMarshal.AsSpan(other._cancellations))
        {
            Cancel(key);
        }
    }

    public void Write(SnapshotWriter writer)
    {
        writer.WriteString(OrderId);
        writer.WriteBool(Completed is not null);
        Completed?.Write(writer);
        writer.WriteInt(_updates?.Count ?? 0);
        foreach (var patch in CollectionsMarshal.AsSpan(_updates))
        {
            patch.Write(writer);
        }

        writer.WriteInt(_refunds?.Count ?? 0);
        foreach (var refund in CollectionsMarshal.AsSpan(_refunds))
        {
            writer.WriteKey(refund.Key);
            writer.WriteOptionalDecimal(refund.Amount);
        }

        writer.WriteInt(_cancellations?.Count ?? 0);
        foreach (var key in CollectionsMarshal.AsSpan(_cancellations))
        {
            writer.WriteKey(key);
        }
    }

    public static OrderRecord Read(SnapshotReader reader)
    {
        var record = new OrderRecord(reader.ReadString());
        if (reader.ReadBool())
        {
            record.Completed = OrderPatch.Read(reader);
        }

        var updates = reader.ReadCount();
        for (var i = 0; i < updates; i++)
        {
            (record._updates ??= []).Add(OrderPatch.Read(reader));
        }

        var refunds = reader.ReadCount();
        for (var i = 0; i < refunds; i++)
        {
            (record._refunds ??= []).Add(new OrderRefund(reader.ReadKey(), reader.ReadOptionalDecimal()));
        }

        var cancellations = reader.ReadCount();
        for (var i = 0; i < cancellations; i++)
        {
            (record._cancellations ??= []).Add(reader.ReadKey());
        }

        return record;
    }

    private static void InsertSorted<T>(List<T> list, T item, Func<T, EventKey> key)
    {
        var itemKey = key(item);
        var index = list.Count;
        while (index > 0 && key(list[index - 1]) > itemKey)
        {
            index--;
        }

        if (index > 0 && key(list[index - 1]) == itemKey)
        {
            return;
        }

        list.Insert(index, item);
    }
}
