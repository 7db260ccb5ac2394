using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Dispatch;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

/// <summary>The guardrails re-checked just before every attempt: skip with a reason, or delay (never drop).</summary>
public sealed class DispatchGuardTests
{
    [Fact]
    public async Task GuardSkips_SendRecordedAsSkippedWithTheReason_AndNothingPosted()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(builder: static silo => silo.UseSendGuard<ScriptedGuard>());
        var scripted = (ScriptedGuard)rig.Silo.Silo.Services.GetRequiredService<ISendGuard>();
        scripted.Then(static _ => SendGuardDecision.Skip(new SendSkipReason(SendSkipReasons.ConditionNotMet, "the cart was bought")));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Skipped, guard.Token);
        await rig.Silo.Silo.AdvanceAsync(TimeSpan.FromHours(1));

        // Assert
        Assert.Empty(rig.Receiver.Requests);
        Assert.Empty(send.Attempts);
        Assert.Equal(new SendSkipReason(SendSkipReasons.ConditionNotMet, "the cart was bought"), send.SkipReason);
        Assert.Equal(rig.Clock.GetUtcNow().AddHours(-1), send.SkippedAt);
        var check = Assert.Single(scripted.Checks);
        Assert.Equal(1, check.AttemptNumber);
        var payload = check.Send.Payload!.Read();
        Assert.Equal(intent.Payload.Recipient, payload.Recipient);
        Assert.Equal(intent.Payload.CartItems, payload.CartItems);
    }

    [Fact]
    public async Task GuardDelays_SendWaitsUntilThenWithoutUsingAnAttempt_ThenGoes()
    {
        // Arrange: quiet hours for two more hours.
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(builder: static silo => silo.UseSendGuard<ScriptedGuard>());
        var scripted = (ScriptedGuard)rig.Silo.Silo.Services.GetRequiredService<ISendGuard>();
        var until = rig.Clock.GetUtcNow().AddHours(2);
        scripted.Then(_ => SendGuardDecision.Delay(until, "quiet_hours"));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        var deferred = await rig.Silo.WaitForAsync(intent.SendId, s => s.NextAttemptAt == until, guard.Token);
        await rig.Silo.Silo.AdvanceToAsync(until.AddSeconds(-1));
        var requestsBefore = rig.Receiver.Requests.Count;
        await rig.Silo.Silo.AdvanceToAsync(until);
        var request = await rig.Receiver.WaitForRequestAsync(1, guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert
        Assert.Equal(0, requestsBefore);
        Assert.Equal(SendStatus.Pending, deferred.Status);
        var deferral = Assert.Single(deferred.Deferrals);
        Assert.Equal(("quiet_hours", until), (deferral.Reason, deferral.Until));
        Assert.Equal(until, request.ReceivedAt);
        var attempt = Assert.Single(send.Attempts);
        Assert.Equal(1, attempt.Number);
        Assert.Equal(2, scripted.Checks.Count);
    }

    [Fact]
    public async Task GuardCheckedBeforeEveryRetry_SkipAfterAFailedAttempt_KeepsTheAttemptAndTheReason()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(builder: static silo => silo.UseSendGuard<ScriptedGuard>());
        var scripted = (ScriptedGuard)rig.Silo.Silo.Services.GetRequiredService<ISendGuard>();
        scripted.Then(static _ => SendGuardDecision.Allow);
        scripted.Then(static _ => SendGuardDecision.Skip(new SendSkipReason(SendSkipReasons.Unsubscribed)));
        rig.Receiver.Script(null, ReceiverAnswer.Status(500));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        await rig.Silo.AdvanceToRetryAsync(intent.SendId, 1, guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Skipped, guard.Token);

        // Assert
        Assert.Single(rig.Receiver.Requests);
        Assert.Equal(500, Assert.Single(send.Attempts).StatusCode);
        Assert.Equal(SendSkipReasons.Unsubscribed, send.SkipReason!.Code);
        Assert.Equal([1, 2], scripted.Checks.Select(static c => c.AttemptNumber));
    }
}
