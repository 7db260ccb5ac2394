using System.Text.Json;

namespace Segmentation.Performance.Tests;

/// <summary>
/// The test's own fold of a stream of Segment batches into the counts the baseline's segments should give: read
/// straight from the JSON, in stream order, without the baseline's code.
/// </summary>
internal sealed record ExpectedCustomers(long Buyers, long NonEmptyCarts, long HighValue)
{
    public static ExpectedCustomers Fold(IEnumerable<byte[]> bodies)
    {
        var orders = new Dictionary<string, (int Count, decimal Revenue)>();
        var carts = new Dictionary<string, int>();
        foreach (var body in bodies)
        {
            using var document = JsonDocument.Parse(body);
            foreach (var call in document.RootElement.GetProperty("batch").EnumerateArray())
            {
                var customer = call.TryGetProperty("userId", out var user) ? user.GetString()! : call.GetProperty("anonymousId").GetString()!;
                var name = call.TryGetProperty("event", out var e) ? e.GetString() : null;
                var quantity = call.TryGetProperty("properties", out var p) && p.TryGetProperty("quantity", out var q) ? q.GetInt32() : 1;
                switch (name)
                {
                    case "Order Completed":
                        var (count, revenue) = orders.GetValueOrDefault(customer);
                        orders[customer] = (count + 1, revenue + p.GetProperty("revenue").GetDecimal());
                        carts[customer] = 0;
                        break;
                    case "Product Added":
                        carts[customer] = carts.GetValueOrDefault(customer) + quantity;
                        break;
                    case "Product Removed":
                        carts[customer] = Math.Max(0, carts.GetValueOrDefault(customer) - quantity);
                        break;
                }
            }
        }

        return new ExpectedCustomers(
            orders.Count,
            carts.Count(static c => c.Value > 0),
            orders.Count(static o => o.Value.Revenue >= 500 || o.Value.Revenue / o.Value.Count >= 150));
    }
}
