using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Policies;
using Segmentation.Domain.Triggers.Settings;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Triggers;

public sealed class LapseTriggerTests
{
    private static readonly LapseSettings Settings = new() { Enabled = true };

    [Fact]
    public void NextDue_LastActivity_LapseAt60DaysThenWinBackAt90()
    {
        var customer = new TriggerProfiles().Apply(Page(T0));
        var lapse = LapseTrigger.NextDue(customer.At(T0), Settings)!;
        customer.Decide(lapse);

        var winBack = LapseTrigger.NextDue(customer.At(T0.AddDays(60)), Settings)!;
        customer.Decide(winBack);

        Assert.Equal((T0.AddDays(60), TriggerKeys.Instant(T0)), (lapse.DueAt, lapse.OccurrenceKey));
        Assert.Equal((T0.AddDays(90), TriggerKeys.Instant(T0) + "/win-back", lapse.Series), (winBack.DueAt, winBack.OccurrenceKey, winBack.Series));
        Assert.Null(LapseTrigger.NextDue(customer.At(T0.AddDays(90)), Settings));
    }

    [Fact]
    public void NextDue_ImportedHistory_PassesOverTheLapseThatIsLongDueButKeepsTheWinBack()
    {
        var customer = new TriggerProfiles().Apply(Page(T0));

        var due = LapseTrigger.NextDue(customer.At(T0.AddDays(70)), Settings)!;

        Assert.Equal((T0.AddDays(90), TriggerKeys.Instant(T0) + "/win-back"), (due.DueAt, due.OccurrenceKey));
        Assert.Null(LapseTrigger.NextDue(customer.At(T0.AddDays(100)), Settings));
    }

    [Fact]
    public void NextDue_NewActivity_StartsANewOccurrenceAndTheOldNoLongerHolds()
    {
        var customer = new TriggerProfiles().Apply(Page(T0));
        var first = LapseTrigger.NextDue(customer.At(T0), Settings)!;

        customer.Apply(Page(T0.AddDays(10)));

        Assert.Equal(T0.AddDays(70), LapseTrigger.NextDue(customer.At(T0.AddDays(10)), Settings)!.DueAt);
        Assert.False(LapseTrigger.Holds(customer.At(T0.AddDays(10)), Settings, first.OccurrenceKey));
    }

    [Fact]
    public void NextDue_OrderBasis_MeasuresFromTheLastOrderAndNeedsOne()
    {
        var settings = new LapseSettings { Enabled = true, Basis = LapseBasis.Order, WinBackAfter = TimeSpan.Zero };
        var customer = new TriggerProfiles().Apply(Page(T0));
        Assert.Null(LapseTrigger.NextDue(customer.At(T0), settings));

        customer.Apply(Track("Order Completed", T0.AddDays(1), """{"order_id":"o-1","revenue":20}"""), Page(T0.AddDays(5)));
        var due = LapseTrigger.NextDue(customer.At(T0.AddDays(5)), settings)!;
        customer.Decide(due);

        Assert.Equal(T0.AddDays(61), due.DueAt);
        Assert.Null(LapseTrigger.NextDue(customer.At(T0.AddDays(61)), settings));
    }
}
