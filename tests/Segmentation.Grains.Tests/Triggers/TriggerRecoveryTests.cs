using Segmentation.Delivery.Sends;
using Segmentation.Domain.Triggers;
using Segmentation.TestKit;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Triggers.TriggerSilo;

namespace Segmentation.Grains.Tests.Triggers;

public sealed class TriggerRecoveryTests
{
    [Fact]
    public async Task Crash_AfterTheSendWasAppendedBeforeACheckpoint_ReplayMakesNoSecondSend()
    {
        var silo = await StartAsync(("CartAbandonment:Enabled", "true"));
        await silo.SendAsync(Subscriber("u1", Start), AddToCart("u1", Start));
        await silo.CheckpointAsync();
        await silo.AdvanceToAsync(Start.AddHours(1));
        var before = Assert.Single(await silo.SendsAsync("u1"));

        // Killed: the firing and the intent are in the log, no checkpoint covers them; recovery replays both.
        silo = await silo.RestartAsync();
        await using var _ = silo;
        await silo.AdvanceToAsync(Start.AddDays(2));

        var sends = await silo.SendsAsync("u1");
        Assert.Equal([TriggerKeys.Instant(Start) + "/2", before.OccurrenceKey], sends.Select(static s => s.OccurrenceKey));
        Assert.Equal((before.SendId, before.CreatedAt), (sends[1].SendId, sends[1].CreatedAt));
    }

    [Fact]
    public async Task Restart_WithASnapshotOfTheDecidedState_DoesNotDecideAgain()
    {
        var silo = await StartAsync(("LoyaltyMilestone:Enabled", "true"), ("LoyaltyMilestone:OrderCounts:0", "1"));
        await silo.SendAsync(Subscriber("u1", Start), Order("u1", "o-1", 10m, Start));
        await silo.CheckpointAsync();

        silo = await silo.RestartAsync();
        await using var _ = silo;
        await silo.SendAtAsync(Start.AddDays(3), Order("u1", "o-2", 10m, Start.AddDays(3)));

        Assert.Equal("orders-1", Assert.Single(await silo.SendsAsync("u1")).OccurrenceKey);
    }

    [Fact]
    public async Task Edit_ThroughTheDirectory_IsStoredWithWhoAndInForceAfterACrash()
    {
        var silo = await TriggerSilo.StartAsync();
        var settings = (Domain.Triggers.Settings.CartAbandonmentSettings)(await silo.Triggers().GetAsync("cart_abandonment"))!.Settings;
        settings.Enabled = true;
        settings.Delay = TimeSpan.FromMinutes(15);
        var saved = await silo.Triggers().UpdateAsync("cart_abandonment", settings, "marketer");
        Assert.Equal(Segmentation.Grains.Triggers.TriggerUpdateStatus.Updated, saved.Status);

        silo = await silo.RestartAsync();
        await using var _ = silo;
        var info = (await silo.Triggers().GetAsync("cart_abandonment"))!;
        Assert.Equal((true, true, "marketer", Start), (info.Settings.Enabled, info.Edited, info.ChangedBy, info.ChangedAt));
        await silo.SendAsync(Subscriber("u1", Start), AddToCart("u1", Start));
        await silo.AdvanceToAsync(Start.AddMinutes(15));

        Assert.Equal(Start.AddMinutes(15), Assert.Single(await silo.SendsAsync("u1")).CreatedAt);
        Assert.Equal("marketer", Assert.Single(await silo.Triggers().GetChangesAsync("cart_abandonment")).ChangedBy);
    }
}
