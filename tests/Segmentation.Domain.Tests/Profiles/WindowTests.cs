using Segmentation.Domain.Profiles;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class WindowTests
{
    private const string View = """{"product_id":"p1"}""";

    [Fact]
    public void GetWindowTotals_EventExactlySevenDaysOld_IsOutOfSevenDayWindow()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Viewed", T0, View));

        // Act
        var justInside = profile.GetWindowTotals(RollingWindow.SevenDays, T0.AddDays(7).AddTicks(-1));
        var atBoundary = profile.GetWindowTotals(RollingWindow.SevenDays, T0.AddDays(7));
        var atEventTime = profile.GetWindowTotals(RollingWindow.SevenDays, T0);
        var beforeEvent = profile.GetWindowTotals(RollingWindow.SevenDays, T0.AddTicks(-1));

        // Assert
        Assert.Equal(1, justInside.ProductViews);
        Assert.Equal(0, atBoundary.ProductViews);
        Assert.Equal(1, atEventTime.ProductViews);
        Assert.Equal(0, beforeEvent.ProductViews);
    }

    [Fact]
    public void GetAllWindowTotals_MixedEvents_CountsEachWindow()
    {
        // Arrange
        var profile = new CustomerProfile();
        var asOf = T0.AddDays(100);
        profile.Apply(Track("Product Viewed", asOf.AddDays(-95), View));
        profile.Apply(Track("Product Viewed", asOf.AddDays(-40), View));
        profile.Apply(Track("Product Added", asOf.AddDays(-20), View));
        profile.Apply(Track("Order Completed", asOf.AddDays(-5), """{"order_id":"o1","revenue":25.5}"""));
        profile.Apply(Track("Order Completed", asOf.AddHours(-2), """{"order_id":"o2","revenue":4.5}"""));
        profile.Apply(Track("Order Completed", asOf.AddHours(-1), """{"order_id":"o3","revenue":100}"""));
        profile.Apply(Track("Order Cancelled", asOf.AddMinutes(-30), """{"order_id":"o3"}"""));
        profile.Apply(Track("Product Viewed", asOf, View));

        // Act
        var totals = profile.GetAllWindowTotals(asOf);

        // Assert
        Assert.Equal(
            [
                new WindowTotals(RollingWindow.OneDay, asOf, 1, 0, 1, 4.5m),
                new WindowTotals(RollingWindow.SevenDays, asOf, 1, 0, 2, 30m),
                new WindowTotals(RollingWindow.ThirtyDays, asOf, 1, 1, 2, 30m),
                new WindowTotals(RollingWindow.NinetyDays, asOf, 2, 1, 2, 30m),
            ],
            totals);
    }

    [Fact]
    public void GetWindowTotals_RefundedOrder_RevenueIsNet()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":50}"""));

        // Act
        profile.Apply(Track("Order Refunded", T0.AddDays(10), """{"order_id":"o1","amount":20}"""));

        // Assert: the order stays in the windows of its placement time, with its net amount.
        var totals = profile.GetWindowTotals(RollingWindow.ThirtyDays, T0.AddDays(10));
        Assert.Equal((1, 30m), (totals.Orders, totals.Revenue));
    }

    [Fact]
    public void NextWindowChange_SingleEvent_ReturnsEntryThenEachExit()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Viewed", T0, View));

        // Act
        var changes = new List<DateTimeOffset?>();
        var cursor = T0.AddHours(-1);
        for (var i = 0; i < 6; i++)
        {
            var next = profile.NextWindowChange(cursor);
            changes.Add(next);
            cursor = next ?? cursor;
        }

        // Assert
        Assert.Equal([T0, T0.AddDays(1), T0.AddDays(7), T0.AddDays(30), T0.AddDays(90), null], changes);
    }

    [Fact]
    public void NextWindowChange_AtExactExit_ReturnsTheFollowingChange()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, View));
        profile.Apply(Track("Product Added", T0.AddHours(3), View));

        // Act
        var afterFirstExit = profile.NextWindowChange(T0.AddDays(1));

        // Assert
        Assert.Equal(T0.AddDays(1).AddHours(3), afterFirstExit);
    }

    [Fact]
    public void NextWindowChange_EntryCoincidingWithExitOfShorterWindows_ReturnsThatInstant()
    {
        // Arrange: at "at", view "e" enters every window while "b", "c", "d" leave the 30/7/1-day windows,
        // so those three windows keep their value; the 90-day window still gains "e".
        var profile = new CustomerProfile();
        var at = T0.AddDays(100);
        profile.Apply(Track("Product Viewed", at.AddDays(-30), View, id: "b"));
        profile.Apply(Track("Product Viewed", at.AddDays(-7), View, id: "c"));
        profile.Apply(Track("Product Viewed", at.AddDays(-1), View, id: "d"));
        profile.Apply(Track("Product Viewed", at, View, id: "e"));

        // Act
        var next = profile.NextWindowChange(at.AddTicks(-1));

        // Assert
        var before = profile.GetAllWindowTotals(at.AddTicks(-1)).Select(t => t.ProductViews);
        var after = profile.GetAllWindowTotals(at).Select(t => t.ProductViews);
        Assert.Equal([1, 2, 3, 3], before);
        Assert.Equal([1, 2, 3, 4], after);
        Assert.Equal(at, next);
    }

    [Fact]
    public void NextWindowChange_CancelledOrderOnly_IsNull()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":10}"""));
        profile.Apply(Track("Order Cancelled", T0.AddMinutes(1), """{"order_id":"o1"}"""));

        // Act
        var next = profile.NextWindowChange(T0.AddMinutes(1));

        // Assert
        Assert.Null(next);
    }

    [Fact]
    public void NextWindowChange_Order_ChangesWhenOrderLeavesEachWindow()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0, """{"order_id":"o1","revenue":10}"""));

        // Act
        var next = profile.NextWindowChange(T0.AddDays(2));

        // Assert
        Assert.Equal(T0.AddDays(7), next);
        Assert.Equal(0, profile.GetWindowTotals(RollingWindow.SevenDays, next!.Value).Orders);
    }
}
