using Segmentation.Domain.Triggers;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Grains.Tests.Segments.Engine;

namespace Segmentation.Grains.Tests.Triggers;

public sealed class CustomerTriggerStateSerializerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Serialize_TriggerState_RoundTrips()
    {
        var state = new CustomerGrainState();
        state.Triggers.Cart = new CartCycle(T0, T0.AddHours(-3));
        state.Triggers.Reminders["lapse"] = T0.AddDays(60);
        state.Triggers.Ledger.Record(new TriggerLedgerEntry("birthday", "2026", "2026", string.Empty, T0, TriggerOutcome.Sent));
        var due = new TriggerDue("browse_abandonment", T0, "p-1/x", "p-1/x", "p-1", "d-1", false, "p-1", new Dictionary<string, string> { ["product"] = "p-1" });
        state.Triggers.Ledger.Defer(due, T0.AddHours(10));

        var read = CustomerGrainStateSerializer.Deserialize(CustomerGrainStateSerializer.Serialize(state)).Triggers;

        Assert.Equal(state.Triggers.Cart, read.Cart);
        Assert.Equal(state.Triggers.Reminders, read.Reminders);
        Assert.Equal(state.Triggers.Ledger.Entries, read.Ledger.Entries);
        var deferral = Assert.Single(read.Ledger.Deferred);
        Assert.Equal((T0.AddHours(10), due with { Properties = deferral.Due.Properties }), (deferral.Until, deferral.Due));
        Assert.Equal(due.Properties, deferral.Due.Properties);
    }

    [Fact]
    public void Deserialize_FormatTwoSnapshot_ReadsAsACustomerWithNoTriggerDecidedYet()
    {
        var state = new CustomerGrainState { Registered = true, SegmentSequence = 7 };
        state.Segments["vip"] = new SegmentMembershipEntry(2, T0);
        var current = CustomerGrainStateSerializer.Serialize(state);
        var formatTwo = current[..^CustomerGrainStateSerializerTests.EmptyTriggerSection];
        formatTwo[0] = 2;

        var read = CustomerGrainStateSerializer.Deserialize(formatTwo);

        Assert.Equal((true, 7L, 1), (read.Registered, read.SegmentSequence, read.Segments.Count));
        Assert.True(read.Triggers.IsEmpty);
    }
}
