using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segmentation.Tracking;

namespace Segmentation.Performance.Baseline;

/// <summary>
/// What one event changes in its customer's row: orders and revenue of an Order Completed (which also empties the
/// cart), the cart's item count from Product Added and Product Removed, the cart's last activity from any cart event
/// (add, remove, view, checkout, order), and the email of an identify.
/// </summary>
/// <param name="CustomerId">The user id, or the anonymous id of a visitor who has none.</param>
/// <param name="Email">The email of an identify's traits.</param>
/// <param name="Orders">1 for an Order Completed.</param>
/// <param name="Revenue">The order's revenue (its total when it has none).</param>
/// <param name="OrderAt">When the order was placed.</param>
/// <param name="CartDelta">Items added (positive) or removed (negative).</param>
/// <param name="CartReset">Whether the cart empties (an order).</param>
/// <param name="CartAt">When the cart was last touched by this event.</param>
public sealed record CustomerChange(
    string CustomerId,
    string? Email,
    int Orders,
    decimal Revenue,
    DateTimeOffset? OrderAt,
    int CartDelta,
    bool CartReset,
    DateTimeOffset? CartAt)
{
    /// <summary>The change <paramref name="message"/> makes.</summary>
    public static CustomerChange Of(TrackingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = message.Timestamp;
        var properties = message.Properties;
        var change = new CustomerChange(message.CustomerKey, Text(message.Traits, "email"), 0, 0, null, 0, false, null);
        return (message.Type, message.Event) switch
        {
            (TrackingMessageType.Track, "Order Completed") => change with
            {
                Orders = 1,
                Revenue = Number(properties, "revenue") ?? Number(properties, "total") ?? 0,
                OrderAt = at,
                CartReset = true,
                CartAt = at,
            },
            (TrackingMessageType.Track, "Product Added") => change with { CartDelta = Quantity(properties), CartAt = at },
            (TrackingMessageType.Track, "Product Removed") => change with { CartDelta = -Quantity(properties), CartAt = at },
            (TrackingMessageType.Track, "Cart Viewed" or "Checkout Started") => change with { CartAt = at },
            _ => change,
        };
    }

    private static int Quantity(JsonObject? properties) => (int)(Number(properties, "quantity") ?? 1);

    private static decimal? Number(JsonObject? properties, string name)
    {
        var text = properties?[name] is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.Number => value.ToJsonString(),
                JsonValueKind.String => value.GetValue<string>(),
                _ => null,
            }
            : null;
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static string? Text(JsonObject? values, string name) =>
        values?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
