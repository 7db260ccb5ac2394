using System.Text.Json.Nodes;
using Segmentation.Import.Orders;

namespace Segmentation.Import.Events;

/// <summary>
/// Builds the track calls of an <see cref="ImportPlan"/>: per order an <c>Order Completed</c> with <c>order_id</c>,
/// <c>revenue</c>, <c>currency</c> and <c>products[]</c> (<c>product_id</c>, <c>sku</c>, <c>name</c>, <c>price</c>,
/// <c>quantity</c>); per refund an <c>Order Refunded</c> with <c>order_id</c>, the refunded <c>total</c>,
/// <c>currency</c>, the returned <c>products[]</c> and the <c>cancellation_id</c>. Message ids are
/// <c>{prefix}order-{invoice}</c> and <c>{prefix}refund-{cancellation}-{order}</c>, so a re-run sends the same ids.
/// </summary>
public sealed class OrderEventFactory
{
    /// <summary>The event name of an order.</summary>
    public const string OrderCompleted = "Order Completed";

    /// <summary>The event name of a refund.</summary>
    public const string OrderRefunded = "Order Refunded";

    private const int SizeMargin = 256;

    private static readonly string LibraryVersion = typeof(OrderEventFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly ImportSettings _settings;

    public OrderEventFactory(ImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <summary>Every event of the plan, by timestamp then message id (so each customer's events arrive in time order).</summary>
    public IReadOnlyList<ImportEvent> CreateAll(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var events = new List<ImportEvent>(plan.Orders.Count + plan.Refunds.Count);
        events.AddRange(plan.Orders.Select(ForOrder));
        events.AddRange(plan.Refunds.Select(ForRefund));
        events.Sort((a, b) =>
        {
            var byTime = a.Timestamp.CompareTo(b.Timestamp);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.MessageId, b.MessageId);
        });
        return events;
    }

    public ImportEvent ForOrder(ImportedOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var properties = new JsonObject
        {
            ["order_id"] = order.OrderId,
            ["revenue"] = order.Revenue,
            ["currency"] = _settings.Currency,
        };
        return Fit(new ImportEvent(
            MessageIds.Create(_settings.MessageIdPrefix, "order", order.OrderId),
            order.CustomerId,
            OrderCompleted,
            order.PlacedAt,
            properties,
            Context(order.Country),
            0), order.Lines);
    }

    public ImportEvent ForRefund(ImportedRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var properties = new JsonObject
        {
            ["order_id"] = refund.OrderId,
            ["total"] = refund.Amount,
            ["currency"] = _settings.Currency,
            ["cancellation_id"] = refund.CancellationId,
        };
        var country = refund.Lines.Select(line => line.Country).FirstOrDefault(c => c is not null);
        return Fit(new ImportEvent(
            MessageIds.Create(_settings.MessageIdPrefix, "refund", refund.CancellationId + "-" + refund.OrderId),
            refund.CustomerId,
            OrderRefunded,
            refund.RefundedAt,
            properties,
            Context(country),
            0), refund.Lines);
    }

    /// <summary>Adds <c>products[]</c>, leaving out trailing products when the event would exceed the size limit.</summary>
    private ImportEvent Fit(ImportEvent evt, IReadOnlyList<OrderLine> lines)
    {
        var products = lines.Where(line => line.StockCode is not null).Select(Product).ToList();
        if (products.Count == 0)
        {
            return evt;
        }

        var limit = _settings.MaxEventBytes - SizeMargin;
        var withAll = WithProducts(evt, products, products.Count);
        if (withAll.ToWireJson().Length <= limit)
        {
            return withAll;
        }

        // Binary search for the most products that fit; the amounts stay exact, only the detail is cut.
        int low = 0, high = products.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (WithProducts(evt, products, mid).ToWireJson().Length <= limit)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return WithProducts(evt, products, low);
    }

    private static ImportEvent WithProducts(ImportEvent evt, List<JsonObject> products, int count)
    {
        var properties = (JsonObject)evt.Properties.DeepClone();
        properties["products"] = new JsonArray(products.Take(count).Select(product => (JsonNode)product.DeepClone()).ToArray());
        var omitted = products.Count - count;
        if (omitted > 0)
        {
            properties["products_omitted"] = omitted;
        }

        return evt with { Properties = properties, ProductsOmitted = omitted };
    }

    private static JsonObject Product(OrderLine line)
    {
        var product = new JsonObject { ["product_id"] = line.StockCode, ["sku"] = line.StockCode };
        if (line.Description is { } name)
        {
            product["name"] = name;
        }

        product["price"] = line.UnitPrice;
        product["quantity"] = line.Quantity is { } quantity ? Math.Abs(quantity) : null;
        return product;
    }

    private static JsonObject Context(string? country)
    {
        var context = new JsonObject
        {
            ["library"] = new JsonObject { ["name"] = "Segmentation.Import", ["version"] = LibraryVersion },
        };
        if (country is not null)
        {
            context["location"] = new JsonObject { ["country"] = country };
        }

        return context;
    }
}
