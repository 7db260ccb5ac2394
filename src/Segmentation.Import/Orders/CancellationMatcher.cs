namespace Segmentation.Import.Orders;

/// <summary>
/// Finds the original order of a cancelled line among the imported orders: the invoice named by the line when the
/// file has an original-invoice column, else the customer's latest order placed strictly before the cancellation
/// that contains the same product (ties broken by the larger invoice number, ordinally).
/// </summary>
internal sealed class CancellationMatcher
{
    private readonly Dictionary<string, ImportedOrder> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(ImportedOrder Order, HashSet<string> Products)>> _byCustomer = new(StringComparer.Ordinal);

    public CancellationMatcher(IEnumerable<ImportedOrder> orders)
    {
        foreach (var order in orders)
        {
            _byId[order.OrderId] = order;
            if (!_byCustomer.TryGetValue(order.CustomerId, out var list))
            {
                list = [];
                _byCustomer.Add(order.CustomerId, list);
            }

            var products = order.Lines.Select(line => line.StockCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
            list.Add((order, products));
        }

        foreach (var list in _byCustomer.Values)
        {
            // Latest first, so the first match is the latest order.
            list.Sort((a, b) =>
            {
                var byTime = b.Order.PlacedAt.CompareTo(a.Order.PlacedAt);
                return byTime != 0 ? byTime : string.CompareOrdinal(b.Order.OrderId, a.Order.OrderId);
            });
        }
    }

    /// <summary>The order <paramref name="line"/> refunds, or null with the reason in <paramref name="problem"/>.</summary>
    public ImportedOrder? Find(OrderLine line, DateTimeOffset cancelledAt, out string? problem)
    {
        problem = null;
        if (line.OriginalInvoice is { } originalId)
        {
            if (!_byId.TryGetValue(originalId, out var named))
            {
                problem = $"the original invoice {originalId} was not imported from this file";
                return null;
            }

            if (named.CustomerId != line.CustomerId || named.PlacedAt >= cancelledAt)
            {
                problem = $"the original invoice {originalId} belongs to another customer or is not earlier";
                return null;
            }

            return named;
        }

        if (line.StockCode is null)
        {
            problem = "no original-invoice column and no product to match";
            return null;
        }

        if (_byCustomer.TryGetValue(line.CustomerId, out var orders))
        {
            foreach (var (order, products) in orders)
            {
                if (order.PlacedAt < cancelledAt && products.Contains(line.StockCode))
                {
                    return order;
                }
            }
        }

        problem = "no earlier order of this customer with this product in the file";
        return null;
    }
}
