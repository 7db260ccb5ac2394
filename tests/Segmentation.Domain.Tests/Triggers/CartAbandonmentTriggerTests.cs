using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Policies;
using Segmentation.Domain.Triggers.Settings;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class CartAbandonmentTriggerTests
{
    private const string Line = """{"product_id":"p-1","name":"Trail shoe","price":89.9,"quantity":1}""";
    private static readonly CartAbandonmentSettings Settings = new() { Enabled = true };

    [Fact]
    public void NextDue_OpenCart_IsDueTheDelayAfterTheLastChange()
    {
        var customer = new TriggerProfiles().Apply(Track("Product Added", T0, Line), Track("Product Added", T0.AddMinutes(20), Line, id: "add-2"));

        var due = CartAbandonmentTrigger.NextDue(customer.At(T0.AddMinutes(20)), Settings)!;

        Assert.Equal((T0.AddMinutes(80), TriggerKeys.Instant(T0)), (due.DueAt, due.OccurrenceKey));
        Assert.True(due.IncludeCart);
        Assert.Equal("1", due.Properties["step"]);
    }

    [Fact]
    public void NextDue_FirstStepDecided_SecondStepIsDueADayAfterTheLastChange()
    {
        var customer = new TriggerProfiles().Apply(Track("Product Added", T0, Line));
        customer.Decide(CartAbandonmentTrigger.NextDue(customer.At(T0), Settings)!);

        var due = CartAbandonmentTrigger.NextDue(customer.At(T0.AddHours(1)), Settings)!;

        Assert.Equal((T0.AddDays(1), TriggerKeys.Instant(T0) + "/2", TriggerKeys.Instant(T0)), (due.DueAt, due.OccurrenceKey, due.Series));
        customer.Decide(due);
        Assert.Null(CartAbandonmentTrigger.NextDue(customer.At(T0.AddDays(1)), Settings));
    }

    [Fact]
    public void NextDue_NoSecondStep_NothingAfterTheFirst()
    {
        var customer = new TriggerProfiles().Apply(Track("Product Added", T0, Line));
        var settings = new CartAbandonmentSettings { Enabled = true, SecondStepDelay = TimeSpan.Zero };
        customer.Decide(CartAbandonmentTrigger.NextDue(customer.At(T0), settings)!);

        Assert.Null(CartAbandonmentTrigger.NextDue(customer.At(T0), settings));
    }

    [Fact]
    public void NextDue_CartFromImportedHistory_PassedOverOnceItsStepsAreLongDue()
    {
        var customer = new TriggerProfiles().Apply(Track("Product Added", T0, Line));

        Assert.Equal(TriggerKeys.Instant(T0) + "/2", CartAbandonmentTrigger.NextDue(customer.At(T0.AddHours(30)), Settings)!.OccurrenceKey);
        Assert.Null(CartAbandonmentTrigger.NextDue(customer.At(T0.AddDays(3)), Settings));
    }

    [Theory]
    [InlineData("Order Completed")]
    [InlineData("Checkout Started")]
    public void NextDue_OrderOrCheckoutApplied_NothingIsDue(string closing)
    {
        var customer = new TriggerProfiles().Apply(Track("Product Added", T0, Line), Track(closing, T0.AddMinutes(5), """{"order_id":"o-1","revenue":89.9}"""));

        Assert.Null(CartAbandonmentTrigger.NextDue(customer.At(T0.AddMinutes(5)), Settings));
        Assert.False(CartAbandonmentTrigger.Holds(customer.At(T0.AddMinutes(5)), TriggerKeys.Instant(T0)));
    }

    [Fact]
    public void NextDue_OrderTimestampedBeforeTheAddAppliedAfterIt_TheCartIsClosed()
    {
        var customer = new TriggerProfiles().Apply(
            Track("Product Added", T0, Line),
            Track("Order Completed", T0.AddMinutes(-5), """{"order_id":"o-1","revenue":89.9}"""));

        // In event order the add follows the order, so the profile's cart still holds the line; the customer bought.
        Assert.False(customer.Profile.CartSummary.IsEmpty);
        Assert.Null(CartAbandonmentTrigger.NextDue(customer.At(T0), Settings));
        Assert.False(CartAbandonmentTrigger.Holds(customer.At(T0), TriggerKeys.Instant(T0)));
    }

    [Fact]
    public void NextDue_ChangeAfterTheClosingOrder_StartsANewCart()
    {
        var customer = new TriggerProfiles().Apply(
            Track("Product Added", T0, Line),
            Track("Order Completed", T0.AddMinutes(-5), """{"order_id":"o-1","revenue":89.9}"""),
            Track("Product Added", T0.AddHours(2), """{"product_id":"p-2","price":10,"quantity":1}"""));

        var due = CartAbandonmentTrigger.NextDue(customer.At(T0.AddHours(2)), Settings)!;

        Assert.Equal((T0.AddHours(3), TriggerKeys.Instant(T0.AddHours(2))), (due.DueAt, due.OccurrenceKey));
    }

    [Fact]
    public void NextDue_EmptiedCart_NothingIsDue()
    {
        var customer = new TriggerProfiles().Apply(Track("Product Added", T0, Line), Track("Product Removed", T0.AddMinutes(1), Line));

        Assert.Null(CartAbandonmentTrigger.NextDue(customer.At(T0.AddMinutes(1)), Settings));
        Assert.Null(customer.Cart.Since);
    }
}
