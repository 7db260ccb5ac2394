using Segmentation.Domain.Profiles;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class OrderTests
{
    [Theory]
    [InlineData("""{"order_id":"o1","revenue":80,"total":100}""", 80)]
    [InlineData("""{"order_id":"o1","total":"100.50"}""", 100.5)]
    [InlineData("""{"order_id":"o1","products":[{"product_id":"a","price":2.5,"quantity":4},{"product_id":"b","price":1}]}""", 11)]
    [InlineData("""{"order_id":"o1"}""", 0)]
    public void Apply_OrderCompleted_AmountIsRevenueElseTotalElseSumOfProducts(string properties, double expected)
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Track("Order Completed", T0, properties));

        // Assert
        Assert.Equal(1, profile.OrderCount);
        Assert.Equal((decimal)expected, profile.TotalRevenue);
        Assert.Equal((decimal)expected, profile.FindOrder("o1")!.GrossAmount);
    }

    [Fact]
    public void Apply_TwoOrders_ComputesTotalsAverageAndFirstLast()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Track("Order Completed", T0.AddDays(2), """{"order_id":"o2","revenue":30,"currency":"eur"}"""));
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":10.10,"products":[{"product_id":"a","price":10.10}]}"""));

        // Assert
        Assert.Equal(2, profile.OrderCount);
        Assert.Equal(40.1m, profile.TotalRevenue);
        Assert.Equal(20.05m, profile.AverageOrderValue);
        Assert.Equal(T0, profile.FirstOrderAt);
        Assert.Equal(T0.AddDays(2), profile.LastOrderAt);
        var orders = profile.GetOrders();
        Assert.Equal(["o1", "o2"], orders.Select(o => o.OrderId));
        Assert.Equal("EUR", orders[1].Currency);
        Assert.Equal("a", Assert.Single(orders[0].Items).LineKey);
    }

    [Fact]
    public void Apply_DuplicateOrderId_IsIgnoredAndEarliestCompletionWins()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0.AddHours(1), """{"order_id":"o1","revenue":99}""", id: "late-dup"));

        // Act
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":50}""", id: "first"));
        profile.Apply(Track("Order Completed", T0.AddHours(2), """{"order_id":"o1","revenue":70}""", id: "later-dup"));

        // Assert
        Assert.Equal(1, profile.OrderCount);
        Assert.Equal(50m, profile.TotalRevenue);
        Assert.Equal(T0, profile.LastOrderAt);
        Assert.Equal(3, profile.GetEventCount("Order Completed"));
    }

    [Fact]
    public void Apply_PartialRefunds_ReduceRevenueAndAreCappedAtGross()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":100}"""));

        // Act
        profile.Apply(Track("Order Refunded", T0.AddDays(1), """{"order_id":"o1","products":[{"product_id":"a","price":15,"quantity":2}]}"""));
        var afterProducts = profile.TotalRevenue;
        profile.Apply(Track("Order Refunded", T0.AddDays(2), """{"order_id":"o1","amount":20}"""));
        var afterAmount = profile.TotalRevenue;
        profile.Apply(Track("Order Refunded", T0.AddDays(3), """{"order_id":"o1","total":500}"""));

        // Assert
        Assert.Equal(70m, afterProducts);
        Assert.Equal(50m, afterAmount);
        Assert.Equal(0m, profile.TotalRevenue);
        Assert.Equal(100m, profile.RefundedRevenue);
        Assert.Equal(1, profile.OrderCount);
        var order = profile.FindOrder("o1")!;
        Assert.Equal((100m, 100m, 0m, false), (order.GrossAmount, order.RefundedAmount, order.NetAmount, order.IsCancelled));
    }

    [Fact]
    public void Apply_RefundWithoutAmount_RefundsWholeOrder()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":42}"""));

        // Act
        profile.Apply(Track("Order Refunded", T0.AddDays(1), """{"order_id":"o1"}"""));

        // Assert
        Assert.Equal(0m, profile.TotalRevenue);
        Assert.Equal(42m, profile.RefundedRevenue);
    }

    [Fact]
    public void Apply_OrderCancelled_RemovesOrderFromTotalsAndLastOrder()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":10}"""));
        profile.Apply(Track("Order Completed", T0.AddDays(1), """{"order_id":"o2","revenue":20}"""));

        // Act
        profile.Apply(Track("Order Cancelled", T0.AddDays(2), """{"order_id":"o2"}"""));

        // Assert
        Assert.Equal(1, profile.OrderCount);
        Assert.Equal(10m, profile.TotalRevenue);
        Assert.Equal(T0, profile.LastOrderAt);
        var cancelled = profile.FindOrder("o2")!;
        Assert.True(cancelled.IsCancelled);
        Assert.Equal(T0.AddDays(2), cancelled.CancelledAt);
        Assert.Equal(0m, cancelled.NetAmount);
    }

    [Fact]
    public void Apply_RefundAndCancelBeforeCompletionInTime_AreIgnoredAsInTimestampOrder()
    {
        // Arrange: back-office events stamped before the order exist; they arrive first.
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Cancelled", T0, """{"order_id":"o1"}"""));
        profile.Apply(Track("Order Refunded", T0.AddMinutes(1), """{"order_id":"o1","amount":5}"""));

        // Act
        profile.Apply(Track("Order Completed", T0.AddMinutes(2), """{"order_id":"o1","revenue":30}"""));
        profile.Apply(Track("Order Refunded", T0.AddMinutes(3), """{"order_id":"o1","amount":4}"""));

        // Assert
        Assert.Equal(1, profile.OrderCount);
        Assert.Equal(26m, profile.TotalRevenue);
    }

    [Fact]
    public void Apply_OrderUpdated_ReplacesAmountAndItemsAfterCompletion()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":30,"currency":"USD"}"""));

        // Act
        profile.Apply(Track("Order Updated", T0.AddHours(1), """{"order_id":"o1","products":[{"product_id":"x","price":12,"quantity":2}]}"""));

        // Assert
        var order = profile.FindOrder("o1")!;
        Assert.Equal(24m, order.GrossAmount);
        Assert.Equal("USD", order.Currency);
        Assert.Equal("x", Assert.Single(order.Items).LineKey);
        Assert.Equal(24m, profile.TotalRevenue);
    }

    [Fact]
    public void Apply_OrderCompletedWithoutOrderId_CountsAsItsOwnOrder()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Track("Order Completed", T0, """{"revenue":5}""", id: "m1"));
        profile.Apply(Track("Order Completed", T0.AddMinutes(1), """{"revenue":6}""", id: "m2"));

        // Assert
        Assert.Equal(2, profile.OrderCount);
        Assert.Equal(11m, profile.TotalRevenue);
        Assert.NotNull(profile.FindOrder("message:m1"));
    }

    [Fact]
    public void GetRfmInput_WithAndWithoutOrders_ReturnsFactsOrNull()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Page(T0));
        var before = profile.GetRfmInput();

        // Act
        profile.Apply(Track("Order Completed", new DateTimeOffset(2025, 3, 4, 23, 59, 0, TimeSpan.FromHours(-5)), """{"order_id":"o1","revenue":12.345}"""));

        // Assert: the order is at 04:59 UTC on the 5th; 12.345 rounds half away from zero to 1235 cents.
        Assert.Null(before);
        Assert.Equal(new Segmentation.Domain.Rfm.RfmInput(new DateOnly(2025, 3, 5), 1, 1235), profile.GetRfmInput());
    }

    [Fact]
    public void Apply_AbsurdAmounts_SaturateInsteadOfFailing()
    {
        // Arrange
        var profile = new CustomerProfile();
        const string huge = """{"order_id":"o1","products":[{"product_id":"a","price":70000000000000000000000000000,"quantity":5}]}""";

        // Act
        profile.Apply(Track("Order Completed", T0, huge));
        profile.Apply(Track("Order Completed", T0.AddMinutes(1), """{"order_id":"o2","revenue":70000000000000000000000000000}"""));
        profile.Apply(Track("Product Added", T0.AddMinutes(2), """{"product_id":"a","price":70000000000000000000000000000,"quantity":2}"""));
        profile.Apply(Page(T0.AddMinutes(3), """{"time_on_page":1e27}"""));

        // Assert
        Assert.Equal(decimal.MaxValue, profile.TotalRevenue);
        Assert.Equal(decimal.MaxValue, profile.Cart.Value);
        Assert.Equal(TimeSpan.MaxValue, profile.TotalTimeOnPage);
        Assert.Equal(long.MaxValue, profile.GetRfmInput()!.Value.MonetaryCents);
    }
}
