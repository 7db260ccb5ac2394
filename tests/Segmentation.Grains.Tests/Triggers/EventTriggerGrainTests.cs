using Segmentation.Delivery.Sends;
using Segmentation.Domain.Triggers;
using Segmentation.Grains.Tests.Segments.Engine;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Triggers.TriggerSilo;

namespace Segmentation.Grains.Tests.Triggers;

public sealed class EventTriggerGrainTests
{
    [Fact]
    public async Task Milestone_EachOnce_AndTheFrequencyCapSkipsTheSecondWithin24Hours()
    {
        await using var silo = await StartAsync(
            ("LoyaltyMilestone:Enabled", "true"), ("LoyaltyMilestone:SpendThresholds:0", "100"), ("LoyaltyMilestone:SpendThresholds:1", "200"),
            ("Guardrails:FrequencyCap", "1"));
        await silo.SendAsync(Subscriber("u1", Start), Order("u1", "o-1", 150m, Start));
        await silo.SendAtAsync(Start.AddHours(1), Order("u1", "o-2", 100m, Start.AddHours(1)));
        await silo.SendAtAsync(Start.AddDays(2), Order("u1", "o-3", 100m, Start.AddDays(2)));

        var sends = await silo.SendsAsync("u1");

        Assert.Equal(
            [("spend-200", SendStatus.Skipped, SendSkipReasons.FrequencyCap, Start.AddHours(1)), ("spend-100", SendStatus.Pending, null, Start)],
            sends.Select(static s => (s.OccurrenceKey, s.Status, s.SkipReason?.Code, s.CreatedAt)));
        Assert.Equal("spend-100", sends[1].Payload!.Read().Properties["milestone"]);
    }

    [Fact]
    public async Task SegmentEntry_EnteringAWatchedSegment_SendsWithTheSegment()
    {
        await using var silo = await StartAsync(("SegmentEntry:Enabled", "true"), ("SegmentEntry:SegmentIds:0", "big-spenders"));
        await silo.CreateAsync("big-spenders", "total_revenue >= 100");
        await silo.SendAsync(Subscriber("u1", Start), Order("u1", "o-1", 50m, Start));

        await silo.SendAtAsync(Start.AddHours(2), Order("u1", "o-2", 60m, Start.AddHours(2)));

        var send = Assert.Single(await silo.SendsAsync("u1"));
        Assert.Equal(("big-spenders/" + TriggerKeys.Instant(Start.AddHours(2)), "big-spenders"), (send.OccurrenceKey, send.Payload!.Read().Properties["segment"]));
    }

    [Fact]
    public async Task SegmentEntry_EnteringByTime_Sends()
    {
        await using var silo = await StartAsync(("SegmentEntry:Enabled", "true"), ("SegmentEntry:SegmentIds:0", "abandoned-cart"));
        await silo.SendAsync(Subscriber("u1", Start), AddToCart("u1", Start));

        await silo.AdvanceToAsync(Start.AddHours(1));

        Assert.Equal("abandoned-cart/" + TriggerKeys.Instant(Start.AddHours(1)), Assert.Single(await silo.SendsAsync("u1")).OccurrenceKey);
    }
}
