using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Rfm;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Grains.Tests;

/// <summary>A test silo with customer profiles, and builders of tracking calls.</summary>
internal static class CustomerSilo
{
    public static TestSiloOptions Options() => new() { Configure = static builder => builder.AddCustomerProfiles() };

    public static Task<TestSilo> StartAsync() => TestSilo.StartAsync(Options());

    public static CustomerDirectory Directory(this TestSilo silo) => silo.Services.GetRequiredService<CustomerDirectory>();

    public static Task<Domain.Rfm.RfmCutPoints> RefreshRfmAsync(this TestSilo silo) =>
        silo.Services.GetRequiredService<RfmRefresher>().RefreshAsync();

    public static async Task SendAsync(this TestSilo silo, params TrackingMessage[] messages)
    {
        await silo.Directory().AppendAsync(messages);
        await silo.WhenIdleAsync();
    }

    public static TrackingMessage Track(
        string? userId, string? anonymousId, string eventName, DateTimeOffset at, JsonObject? properties = null, string? messageId = null) => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = messageId ?? Guid.NewGuid().ToString("N"),
        UserId = userId,
        AnonymousId = anonymousId,
        Event = eventName,
        Properties = properties,
        Timestamp = at,
        ReceivedAt = at,
    };

    public static TrackingMessage Identify(string userId, string? anonymousId, DateTimeOffset at, JsonObject traits) => new()
    {
        Type = TrackingMessageType.Identify,
        MessageId = Guid.NewGuid().ToString("N"),
        UserId = userId,
        AnonymousId = anonymousId,
        Traits = traits,
        Timestamp = at,
        ReceivedAt = at,
    };

    public static TrackingMessage Alias(string previousId, string userId, DateTimeOffset at) => new()
    {
        Type = TrackingMessageType.Alias,
        MessageId = Guid.NewGuid().ToString("N"),
        UserId = userId,
        PreviousId = previousId,
        Timestamp = at,
        ReceivedAt = at,
    };

    public static TrackingMessage Order(string userId, string orderId, decimal revenue, DateTimeOffset at) =>
        Track(userId, null, "Order Completed", at, new JsonObject
        {
            ["order_id"] = orderId,
            ["revenue"] = revenue,
            ["currency"] = "USD",
            ["products"] = new JsonArray(new JsonObject { ["product_id"] = "p-1", ["price"] = revenue, ["quantity"] = 1 }),
        });
}
