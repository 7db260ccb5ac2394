using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;

namespace Segmentation.Grains.Tests.Segments.Engine;

public sealed class CustomerGrainStateSerializerTests
{
    /// <summary>The trigger part of a snapshot with nothing in it: no cart (two flags), no reminder, decision or deferral.</summary>
    internal const int EmptyTriggerSection = 1 + 1 + 4 + 4 + 4;

    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Serialize_SegmentBookkeeping_RoundTrips()
    {
        var state = new CustomerGrainState
        {
            Registered = true,
            SegmentsEvaluatedAt = T0,
            SegmentReminderAt = T0.AddDays(7),
            SegmentSequence = 42 << 16,
        };
        state.Segments["vip"] = new SegmentMembershipEntry(3, T0.AddHours(-1));
        state.Segments["buyers"] = new SegmentMembershipEntry(1, T0);

        var read = CustomerGrainStateSerializer.Deserialize(CustomerGrainStateSerializer.Serialize(state));

        Assert.Equal((true, T0, T0.AddDays(7), 42L << 16), (read.Registered, read.SegmentsEvaluatedAt, read.SegmentReminderAt, read.SegmentSequence));
        Assert.Equal(state.Segments.OrderBy(static s => s.Key, StringComparer.Ordinal), read.Segments.OrderBy(static s => s.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Serialize_AfterALargerStateOnTheSameThread_GivesTheSameBytesAsBefore()
    {
        var small = new CustomerGrainState { ReportedEmail = "a@example.com" };
        var large = new CustomerGrainState { ReportedEmail = "b@example.com" };
        for (var i = 0; i < 500; i++)
        {
            large.Segments[$"segment-{i}"] = new SegmentMembershipEntry(i, T0);
        }

        var before = CustomerGrainStateSerializer.Serialize(small);
        var largeBytes = CustomerGrainStateSerializer.Serialize(large);
        var after = CustomerGrainStateSerializer.Serialize(small);

        Assert.Equal(before, after);
        Assert.Equal(500, CustomerGrainStateSerializer.Deserialize(largeBytes).Segments.Count);
    }

    [Fact]
    public void Deserialize_FormatOneSnapshot_ReadsAsACustomerInNoSegmentYet()
    {
        var current = CustomerGrainStateSerializer.Serialize(new CustomerGrainState { ReportedEmail = "a@example.com" });
        const int SegmentSection = 1 + 1 + 1 + 8 + 4;
        var formatOne = current[..^(SegmentSection + EmptyTriggerSection)];
        formatOne[0] = 1;

        var read = CustomerGrainStateSerializer.Deserialize(formatOne);

        Assert.Equal("a@example.com", read.ReportedEmail);
        Assert.False(read.Registered);
        Assert.Empty(read.Segments);
        Assert.Null(read.SegmentsEvaluatedAt);
    }
}
