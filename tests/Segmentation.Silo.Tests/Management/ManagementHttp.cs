using System.Text.Json;
using System.Text.Json.Nodes;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Management;

/// <summary>Tracking calls to append and response reading for the management API tests.</summary>
internal static class ManagementHttp
{
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A track call of <paramref name="userId"/> or <paramref name="anonymousId"/>, <paramref name="minutesAgo"/> before the test clock.</summary>
    public static TrackingMessage Track(
        string messageId, string eventName, double minutesAgo, string? userId = null, string? anonymousId = null, JsonObject? properties = null) => new()
        {
            Type = TrackingMessageType.Track,
            MessageId = messageId,
            UserId = userId,
            AnonymousId = anonymousId,
            Event = eventName,
            Timestamp = ManagementTestSilo.Now.AddMinutes(-minutesAgo),
            ReceivedAt = ManagementTestSilo.Now,
            Properties = properties ?? new JsonObject { ["source"] = messageId },
            Context = new JsonObject { ["ip"] = "203.0.113.7" },
        };

    /// <summary>An identify call of a known customer with an email (and the anonymous id it claims, when given).</summary>
    public static TrackingMessage Identify(
        string messageId, string userId, string email, double minutesAgo, string? anonymousId = null, string? firstName = null) => new()
        {
            Type = TrackingMessageType.Identify,
            MessageId = messageId,
            UserId = userId,
            AnonymousId = anonymousId,
            Timestamp = ManagementTestSilo.Now.AddMinutes(-minutesAgo),
            ReceivedAt = ManagementTestSilo.Now,
            Traits = firstName is null
                ? new JsonObject { ["email"] = email }
                : new JsonObject { ["email"] = email, ["firstName"] = firstName, ["lastName"] = "Tester" },
        };

    /// <summary>An Order Completed call with one product line.</summary>
    public static TrackingMessage Order(string messageId, string userId, string orderId, decimal revenue, double minutesAgo) =>
        Track(messageId, "Order Completed", minutesAgo, userId: userId, properties: new JsonObject
        {
            ["order_id"] = orderId,
            ["revenue"] = revenue,
            ["total"] = revenue,
            ["currency"] = "EUR",
            ["products"] = new JsonArray(new JsonObject { ["product_id"] = "p1", ["price"] = revenue, ["quantity"] = 1 }),
        });

    /// <summary>The message ids of an events page, in order.</summary>
    public static string[] MessageIds(JsonElement page) =>
        page.GetProperty("events").EnumerateArray().Select(static e => e.GetProperty("messageId").GetString()!).ToArray();
}
