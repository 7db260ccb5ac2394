using System.Text.Json.Nodes;
using Segmentation.Performance.Baseline;
using Segmentation.Tracking;

namespace Segmentation.Performance.Tests;

public sealed class CustomerChangeTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_OrderCompleted_CountsTheOrderAndItsRevenueAndEmptiesTheCart()
    {
        var change = CustomerChange.Of(Track("Order Completed", new JsonObject { ["revenue"] = 120.5, ["total"] = 140 }));

        Assert.Equal(new CustomerChange("u1", null, 1, 120.5m, At, 0, true, At), change);
    }

    [Fact]
    public void Of_OrderCompletedWithoutRevenue_TakesTheTotal()
    {
        Assert.Equal(140m, CustomerChange.Of(Track("Order Completed", new JsonObject { ["total"] = "140" })).Revenue);
    }

    [Theory]
    [InlineData("Product Added", 3, 3)]
    [InlineData("Product Removed", 2, -2)]
    public void Of_CartChange_MovesTheItemCountByTheQuantity(string name, int quantity, int delta)
    {
        var change = CustomerChange.Of(Track(name, new JsonObject { ["quantity"] = quantity }));

        Assert.Equal(delta, change.CartDelta);
        Assert.Equal(At, change.CartAt);
        Assert.False(change.CartReset);
    }

    [Fact]
    public void Of_ProductAddedWithoutQuantity_AddsOne()
    {
        Assert.Equal(1, CustomerChange.Of(Track("Product Added", new JsonObject())).CartDelta);
    }

    [Theory]
    [InlineData("Cart Viewed", true)]
    [InlineData("Checkout Started", true)]
    [InlineData("Product Viewed", false)]
    public void Of_OtherTrack_TouchesTheCartOnlyForCartEvents(string name, bool touchesCart)
    {
        var change = CustomerChange.Of(Track(name, new JsonObject()));

        Assert.Equal(touchesCart ? At : null, change.CartAt);
        Assert.Equal(0, change.CartDelta);
        Assert.Equal(0, change.Orders);
    }

    [Fact]
    public void Of_IdentifyOfAnAnonymousVisitor_KeysOnTheUserIdAndKeepsTheEmail()
    {
        var identify = new TrackingMessage
        {
            Type = TrackingMessageType.Identify,
            MessageId = "m",
            UserId = "u9",
            AnonymousId = "a9",
            Traits = new JsonObject { ["email"] = "ada@example.com" },
            Timestamp = At,
            ReceivedAt = At,
        };

        var change = CustomerChange.Of(identify);

        Assert.Equal("u9", change.CustomerId);
        Assert.Equal("ada@example.com", change.Email);
    }

    private static TrackingMessage Track(string name, JsonObject properties) => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = "m",
        UserId = "u1",
        Event = name,
        Properties = properties,
        Timestamp = At,
        ReceivedAt = At,
    };
}
