using Segmentation.Domain.Profiles.State;
using Segmentation.Domain.Rfm;

namespace Segmentation.Domain.Profiles;

/// <summary>Purchases: Order Completed / Updated / Refunded / Cancelled, totals over the orders that count.</summary>
public sealed partial class CustomerProfile
{
    private OrderBook? _orders;

    private OrderBook Orders => _orders ?? OrderBook.Empty;

    /// <summary>Placed orders that are not cancelled (a fully refunded order still counts, with a net amount of zero).</summary>
    public int OrderCount => Orders.Count;

    /// <summary>The net amount (after refunds) of the orders that count. Amounts of all currencies are added as they are.</summary>
    public decimal TotalRevenue => Orders.NetRevenue;

    /// <summary>The refunds of the orders that count.</summary>
    public decimal RefundedRevenue => Orders.Refunded;

    /// <summary>Total revenue divided by the order count; null without orders.</summary>
    public decimal? AverageOrderValue => Orders.Count == 0 ? null : Money.Normalize(Orders.NetRevenue / Orders.Count);

    public DateTimeOffset? FirstOrderAt => Time.At(Orders.FirstPlacedTicks);

    public DateTimeOffset? LastOrderAt => Time.At(Orders.LastPlacedTicks);

    /// <summary>The placed orders (cancelled ones included), oldest first.</summary>
    public IReadOnlyList<OrderSummary> GetOrders() => Orders.Records
        .Select(record => ToSummary(record.OrderId, record.Evaluate()))
        .OfType<OrderSummary>()
        .OrderBy(order => order.PlacedAt)
        .ThenBy(order => order.OrderId, StringComparer.Ordinal)
        .ToList();

    /// <summary>One placed order by id; null when no Order Completed was seen for it.</summary>
    public OrderSummary? FindOrder(string orderId) => ToSummary(orderId, Orders.Facts(orderId));

    /// <summary>The time-invariant RFM facts (last order date, order count, net revenue in cents); null without orders.</summary>
    public RfmInput? GetRfmInput() => Orders is { Count: > 0, LastPlacedTicks: { } last }
        ? new RfmInput(DateOnly.FromDateTime(Time.At(last).UtcDateTime), Orders.Count, Money.ToCents(Orders.NetRevenue))
        : null;

    private void ApplyOrderCompleted(ProfileEvent evt)
    {
        var properties = evt.Properties;
        var orderId = properties.GetString("order_id"u8, "orderId"u8) ?? "message:" + evt.Key.MessageId;
        var items = ProductLines.ParseArray(properties);
        var amount = properties.GetDecimal("revenue"u8) ?? properties.GetDecimal("total"u8)
            ?? (items is null ? 0m : ProductLines.Value(items));
        (_orders ??= new()).Complete(orderId, new OrderPatch(evt.Key, amount, Currency(evt), items ?? ProductLines.Empty));
    }

    private void ApplyOrderUpdated(ProfileEvent evt)
    {
        if (OrderId(evt) is not { } orderId)
        {
            return;
        }

        var items = ProductLines.ParseArray(evt.Properties);
        var amount = evt.Properties.GetDecimal("revenue"u8) ?? evt.Properties.GetDecimal("total"u8)
            ?? (items is null ? null : ProductLines.Value(items));
        (_orders ??= new()).Update(orderId, new OrderPatch(evt.Key, amount, Currency(evt), items));
    }

    private void ApplyOrderRefunded(ProfileEvent evt)
    {
        if (OrderId(evt) is not { } orderId)
        {
            return;
        }

        var properties = evt.Properties;
        var items = ProductLines.ParseArray(properties);
        var amount = properties.GetDecimal("refund_amount"u8, "amount"u8)
            ?? properties.GetDecimal("total"u8, "revenue"u8)
            ?? (items is { Count: > 0 } ? ProductLines.Value(items) : null);
        (_orders ??= new()).Refund(orderId, new OrderRefund(evt.Key, amount is { } a ? Math.Abs(a) : null));
    }

    private void ApplyOrderCancelled(ProfileEvent evt)
    {
        if (OrderId(evt) is { } orderId)
        {
            (_orders ??= new()).Cancel(orderId, evt.Key);
        }
    }

    private static string? OrderId(ProfileEvent evt) => evt.Properties.GetString("order_id"u8, "orderId"u8);

    private static string? Currency(ProfileEvent evt) => evt.Properties.GetString("currency"u8) is { } currency
        ? SharedStrings.Share(currency.ToUpperInvariant())
        : null;

    private static OrderSummary? ToSummary(string orderId, OrderFacts facts) => facts.IsPlaced
        ? new OrderSummary(
            orderId,
            Time.At(facts.PlacedTicks),
            facts.Currency,
            facts.Gross,
            facts.Refunded,
            facts.Net,
            facts.CancelledTicks is not null,
            Time.At(facts.CancelledTicks),
            facts.Items ?? ProductLines.Empty)
        : null;
}
