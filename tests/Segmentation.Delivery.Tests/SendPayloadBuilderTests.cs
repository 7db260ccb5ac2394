using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Sends;
using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Domain.Views;
using Segmentation.Grains;
using Segmentation.Grains.Customers;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Delivery.Tests;

/// <summary>The payload built from a real customer profile, as the triggers build it in the customer grain.</summary>
public sealed class SendPayloadBuilderTests
{
    [Fact]
    public async Task FromProfile_CartAndBrowsing_FillsWhatTheEmailNeeds()
    {
        // Arrange: a known customer who added two products and viewed a third.
        await using var silo = await TestSilo.StartAsync(new TestSiloOptions { Configure = static builder => builder.AddCustomerProfiles() });
        var now = silo.Clock.GetUtcNow();
        var customers = silo.Services.GetRequiredService<CustomerDirectory>();
        await customers.AppendAsync(
        [
            Message(TrackingMessageType.Identify, now, traits: new JsonObject { ["email"] = "ada@example.com", ["firstName"] = "Ada" }),
            Message(TrackingMessageType.Track, now.AddMinutes(1), "Product Added", Product("p-1", "Trail shoe", 89.90m, 1)),
            Message(TrackingMessageType.Track, now.AddMinutes(2), "Product Added", Product("p-2", "Wool socks", 12.50m, 3)),
            Message(TrackingMessageType.Track, now.AddMinutes(3), "Product Viewed", Product("p-3", "Rain jacket", 149m, 1)),
        ]);
        await silo.WhenIdleAsync();
        var profile = (await customers.GetAsync("u-1")).Profile!;

        // Act
        var payload = SendPayloadBuilder.FromProfile(
            profile, includeCart: true, profile.Browsing.RecentProducts[0], new Dictionary<string, string> { ["store"] = "berlin" });

        // Assert
        Assert.NotNull(payload);
        Assert.Equal(new SendRecipient("ada@example.com", "Ada"), payload.Recipient);
        Assert.Equal(
            [("p-1", "Trail shoe", "https://shop.example/img/p-1.jpg", 89.90m, 1), ("p-2", "Wool socks", "https://shop.example/img/p-2.jpg", 12.50m, 3)],
            payload.CartItems.Select(static i => (i.ProductId, i.Name, i.ImageUrl, i.Price, i.Quantity)));
        Assert.Equal(127.40m, payload.CartValue);
        Assert.Equal(new SendProduct("p-3", "Rain jacket", "outdoor", "https://shop.example/img/p-3.jpg", "https://shop.example/p/p-3", 149m), payload.BrowsedProduct);
        Assert.Null(payload.Rfm);
        Assert.Equal(LifecycleStage.New, payload.LifecycleStage);
        Assert.Empty(payload.Recommendations);
        Assert.Equal("berlin", payload.Properties["store"]);
        Assert.Null(SendIntent.Create("u-1", "cart_abandonment", "1", SendKind.Marketing, now, "d-1", payload).Validate());
    }

    [Fact]
    public async Task FromProfile_NoEmail_IsNull()
    {
        await using var silo = await TestSilo.StartAsync(new TestSiloOptions { Configure = static builder => builder.AddCustomerProfiles() });
        var customers = silo.Services.GetRequiredService<CustomerDirectory>();
        await customers.AppendAsync([Message(TrackingMessageType.Track, silo.Clock.GetUtcNow(), "Product Viewed", Product("p-3", "Rain jacket", 149m, 1))]);
        await silo.WhenIdleAsync();

        var payload = SendPayloadBuilder.FromProfile((await customers.GetAsync("u-1")).Profile!);

        Assert.Null(payload);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FromProfile_OfTheProfileItself_EqualsThePayloadOfItsView(bool includeCart)
    {
        var start = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var profile = new CustomerProfile();
        profile.Apply(Message(TrackingMessageType.Identify, start, traits: new JsonObject { ["email"] = " ada@example.com ", ["firstName"] = "Ada" }));
        profile.Apply(Message(TrackingMessageType.Track, start.AddDays(1), "Order Completed", new JsonObject { ["order_id"] = "o-1", ["revenue"] = 80m }));
        profile.Apply(Message(TrackingMessageType.Track, start.AddDays(9), "Order Completed", new JsonObject { ["order_id"] = "o-2", ["revenue"] = 260m }));
        profile.Apply(Message(TrackingMessageType.Track, start.AddDays(10), "Product Added", Product("p-1", "Trail shoe", 89.90m, 2)));
        profile.Apply(Message(TrackingMessageType.Track, start.AddDays(10), "Product Viewed", Product("p-3", "Rain jacket", 149m, 1)));
        var asOf = start.AddDays(12);
        var cutPoints = RfmCutPoints.Fixed(new RfmOptions());
        var lifecycle = new LifecycleOptions { NewCustomerOrderLimit = 1 };
        var browsed = profile.GetRecentlyViewedProducts(10)[0];
        var properties = new Dictionary<string, string> { ["store"] = "berlin" };

        var fromProfile = SendPayloadBuilder.FromProfile(profile, asOf, cutPoints, lifecycle, includeCart, browsed, properties);
        var fromView = SendPayloadBuilder.FromProfile(
            CustomerProfileViewBuilder.Build(profile, asOf, cutPoints, lifecycle), includeCart, browsed, properties);

        Assert.NotNull(fromProfile);
        Assert.NotNull(fromProfile.Rfm);
        Assert.Equal(JsonSerializer.Serialize(fromView), JsonSerializer.Serialize(fromProfile));
    }

    private static JsonObject Product(string id, string name, decimal price, int quantity) => new()
    {
        ["product_id"] = id,
        ["name"] = name,
        ["category"] = "outdoor",
        ["price"] = price,
        ["quantity"] = quantity,
        ["image_url"] = $"https://shop.example/img/{id}.jpg",
        ["url"] = $"https://shop.example/p/{id}",
    };

    private static TrackingMessage Message(TrackingMessageType type, DateTimeOffset at, string? eventName = null, JsonObject? properties = null, JsonObject? traits = null) => new()
    {
        Type = type,
        MessageId = Guid.NewGuid().ToString("N"),
        UserId = "u-1",
        Event = eventName,
        Properties = properties,
        Traits = traits,
        Timestamp = at,
        ReceivedAt = at,
    };
}
