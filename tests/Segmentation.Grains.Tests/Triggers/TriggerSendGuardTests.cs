using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Dispatch;
using Segmentation.Delivery.Sends;
using Segmentation.Grains.Triggers;
using static Segmentation.Grains.Tests.CustomerSilo;
using static Segmentation.Grains.Tests.Triggers.TriggerSilo;

namespace Segmentation.Grains.Tests.Triggers;

public sealed class TriggerSendGuardTests
{
    [Fact]
    public async Task Check_CartStillOpenAtNoon_Allows()
    {
        var (silo, send) = await PendingCartSendAsync();
        await using var _ = silo;

        Assert.Equal(SendGuardAction.Allow, (await CheckAsync(silo, send, Start.AddHours(2))).Action);
    }

    [Fact]
    public async Task Check_BoughtAfterTheIntent_SkipsConditionNotMet()
    {
        var (silo, send) = await PendingCartSendAsync();
        await using var _ = silo;
        await silo.SendAtAsync(Start.AddHours(2), Order("u1", "o-1", 89.9m, Start.AddHours(2)));

        var decision = await CheckAsync(silo, send, Start.AddHours(2));

        Assert.Equal((SendGuardAction.Skip, SendSkipReasons.ConditionNotMet), (decision.Action, decision.SkipReason!.Code));
    }

    [Fact]
    public async Task Check_UnsubscribedAfterTheIntent_SkipsUnsubscribed()
    {
        var (silo, send) = await PendingCartSendAsync();
        await using var _ = silo;
        await silo.SendAtAsync(Start.AddHours(2), Track("u1", null, "Unsubscribed", Start.AddHours(2)));

        Assert.Equal(SendSkipReasons.Unsubscribed, (await CheckAsync(silo, send, Start.AddHours(2))).SkipReason!.Code);
    }

    [Fact]
    public async Task Check_InTheCustomersQuietHours_DelaysToTheirEnd()
    {
        var (silo, send) = await PendingCartSendAsync("Asia/Tokyo");
        await using var _ = silo;

        // 13:00Z is 22:00 in Tokyo; the quiet hours end at 08:00 JST, 23:00Z.
        var decision = await CheckAsync(silo, send, Start.AddHours(3));

        Assert.Equal((SendGuardAction.Delay, Start.AddHours(13), TriggerSendGuard.QuietHoursReason), (decision.Action, decision.Until, decision.DelayReason));
    }

    private static async Task<(Segmentation.TestKit.TestSilo Silo, SendRecord Send)> PendingCartSendAsync(string timeZone = "UTC")
    {
        var silo = await StartAsync(("CartAbandonment:Enabled", "true"), ("Guardrails:QuietHoursStart", "21:00"), ("Guardrails:QuietHoursEnd", "08:00"));
        await silo.SendAsync(Subscriber("u1", Start, timeZone), AddToCart("u1", Start));
        await silo.AdvanceToAsync(Start.AddHours(1));
        return (silo, Assert.Single(await silo.SendsAsync("u1")));
    }

    private static async Task<SendGuardDecision> CheckAsync(Segmentation.TestKit.TestSilo silo, SendRecord send, DateTimeOffset now)
    {
        await silo.AdvanceToAsync(now);
        var guard = silo.Services.GetRequiredService<ISendGuard>();
        Assert.IsType<TriggerSendGuard>(guard);
        return await guard.CheckAsync(new SendGuardContext(send, now, 1), CancellationToken.None);
    }
}
