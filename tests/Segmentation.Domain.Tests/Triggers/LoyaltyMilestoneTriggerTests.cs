using Segmentation.Domain.Triggers.Policies;
using Segmentation.Domain.Triggers.Settings;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class LoyaltyMilestoneTriggerTests
{
    private static readonly LoyaltyMilestoneSettings Settings = new() { Enabled = true, SpendThresholds = [500m, 1000m], OrderCounts = [2] };

    [Fact]
    public void NextDue_SpendAndCountReached_EachMilestoneOnceAtTheInstant()
    {
        var customer = new TriggerProfiles().Apply(Order("o-1", 300m, T0), Order("o-2", 250m, T0.AddDays(1)));
        var keys = new List<string>();
        while (LoyaltyMilestoneTrigger.NextDue(customer.At(T0.AddDays(1)), Settings) is { } due)
        {
            Assert.Equal(T0.AddDays(1), due.DueAt);
            keys.Add(due.OccurrenceKey);
            customer.Decide(due);
        }

        Assert.Equal(["spend-500", "orders-2"], keys);
        customer.Apply(Order("o-3", 10m, T0.AddDays(2)));
        Assert.Null(LoyaltyMilestoneTrigger.NextDue(customer.At(T0.AddDays(2)), Settings));
    }

    [Fact]
    public void Holds_CancelledOrderTakesTheMilestoneBack()
    {
        var customer = new TriggerProfiles().Apply(Order("o-1", 600m, T0));
        Assert.True(LoyaltyMilestoneTrigger.Holds(customer.At(T0), "spend-500"));

        customer.Apply(Track("Order Cancelled", T0.AddHours(1), """{"order_id":"o-1"}"""));

        Assert.False(LoyaltyMilestoneTrigger.Holds(customer.At(T0.AddHours(1)), "spend-500"));
    }

    private static Tracking.TrackingMessage Order(string id, decimal revenue, DateTimeOffset at) =>
        Track("Order Completed", at, $$"""{"order_id":"{{id}}","revenue":{{revenue}}}""");
}
