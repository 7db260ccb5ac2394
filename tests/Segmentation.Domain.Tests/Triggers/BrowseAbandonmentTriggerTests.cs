using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Policies;
using Segmentation.Domain.Triggers.Settings;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class BrowseAbandonmentTriggerTests
{
    private static readonly BrowseAbandonmentSettings Settings = new() { Enabled = true };

    [Fact]
    public void NextDue_TwoViewsWithinTheWindow_DueAnHourAfterTheLast()
    {
        var customer = new TriggerProfiles().Apply(View("p-1", T0), View("p-1", T0.AddHours(3)));

        var due = BrowseAbandonmentTrigger.NextDue(customer.At(T0.AddHours(3)), Settings)!;

        Assert.Equal((T0.AddHours(4), "p-1/" + TriggerKeys.Instant(T0.AddHours(3)), "p-1"), (due.DueAt, due.OccurrenceKey, due.Scope));
        Assert.Equal("p-1", due.ProductKey);
    }

    [Fact]
    public void NextDue_OneViewOrViewsFurtherApartThanTheWindow_NothingIsDue()
    {
        Assert.Null(BrowseAbandonmentTrigger.NextDue(new TriggerProfiles().Apply(View("p-1", T0)).At(T0), Settings));
        var apart = new TriggerProfiles().Apply(View("p-1", T0), View("p-1", T0.AddDays(1)));
        Assert.Null(BrowseAbandonmentTrigger.NextDue(apart.At(T0.AddDays(1)), Settings));
    }

    [Fact]
    public void NextDue_ViewsLongAgo_PassedOver()
    {
        var customer = new TriggerProfiles().Apply(View("p-1", T0), View("p-1", T0.AddHours(1)));

        Assert.NotNull(BrowseAbandonmentTrigger.NextDue(customer.At(T0.AddHours(25)), Settings));
        Assert.Null(BrowseAbandonmentTrigger.NextDue(customer.At(T0.AddHours(26).AddTicks(1)), Settings));
    }

    [Fact]
    public void NextDue_ProductAddedToTheCart_NothingIsDue()
    {
        var customer = new TriggerProfiles().Apply(
            View("p-1", T0),
            View("p-1", T0.AddMinutes(10)),
            Track("Product Added", T0.AddMinutes(20), """{"product_id":"p-1","price":5,"quantity":1}"""),
            Track("Product Removed", T0.AddMinutes(30), """{"product_id":"p-1","price":5,"quantity":1}"""));

        Assert.Null(BrowseAbandonmentTrigger.NextDue(customer.At(T0.AddMinutes(30)), Settings));
    }

    [Fact]
    public void NextDue_TwoProducts_TheEarliestDueWinsAndTheOtherFollowsOnceDecided()
    {
        var customer = new TriggerProfiles().Apply(View("p-2", T0), View("p-1", T0.AddMinutes(1)), View("p-2", T0.AddMinutes(2)), View("p-1", T0.AddMinutes(3)));
        var first = BrowseAbandonmentTrigger.NextDue(customer.At(T0.AddMinutes(3)), Settings)!;
        customer.Decide(first);

        var second = BrowseAbandonmentTrigger.NextDue(customer.At(T0.AddMinutes(3)), Settings)!;

        Assert.Equal(("p-2", "p-1"), (first.ProductKey, second.ProductKey));
        Assert.True(customer.Ledger.InCooldown(BrowseAbandonmentTrigger.NextDue(new TriggerProfiles().Apply(View("p-2", T0.AddHours(5)), View("p-2", T0.AddHours(6))).At(T0.AddHours(6)), Settings)!, Settings.Cooldown, T0.AddHours(7)));
        Assert.False(customer.Ledger.InCooldown(second, Settings.Cooldown, T0.AddHours(7)));
    }

    [Fact]
    public void Holds_ANewerView_MakesANewOccurrence()
    {
        var customer = new TriggerProfiles().Apply(View("p-1", T0), View("p-1", T0.AddMinutes(10)));
        var due = BrowseAbandonmentTrigger.NextDue(customer.At(T0.AddMinutes(10)), Settings)!;
        Assert.True(BrowseAbandonmentTrigger.Holds(customer.At(T0.AddMinutes(10)), Settings, due.OccurrenceKey));

        customer.Apply(View("p-1", T0.AddMinutes(20)));

        Assert.False(BrowseAbandonmentTrigger.Holds(customer.At(T0.AddMinutes(20)), Settings, due.OccurrenceKey));
    }

    private static Tracking.TrackingMessage View(string product, DateTimeOffset at) =>
        Track("Product Viewed", at, $$"""{"product_id":"{{product}}","name":"Shoe","price":10}""", id: $"view:{product}:{at.UtcTicks}");
}
