using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;
using Segmentation.Storage.InMemory;

namespace Segmentation.Delivery.Tests;

/// <summary>Crashes between the ESP's acknowledgement and the durable record of it, and in the middle of retries.</summary>
public sealed class DispatchCrashTests
{
    [Fact]
    public async Task CrashAfterTheEspAcknowledged_BeforeTheRecord_ReceiverSeesTheSameIdAgainAndNoOtherId()
    {
        // Arrange: the first silo's attempt records never become durable.
        using var guard = HangGuard.Start();
        var durable = new InMemorySiloStorage();
        AttemptGateStorage? gate = null;
        await using var rig = await DeliveryRig.StartAsync(storage: () => gate is null
            ? AttemptGateStorage.Create(durable, out gate)
            : durable);
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Durable once appended; no wait for the silo to be idle, as it never is again once the attempt record hangs.
        await rig.Silo.Outbox.AppendAsync([intent], guard.Token);
        var first = await rig.Receiver.WaitForRequestAsync(1, guard.Token);
        await gate!.AttemptWaiting.WaitAsync(guard.Token);

        // Act: the silo dies with the 200 in hand but not recorded; a new silo recovers from what was durable.
        await rig.Silo.RestartAsync();
        gate.Release();
        var second = await rig.Receiver.WaitForRequestAsync(2, guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);
        await rig.Silo.Silo.AdvanceAsync(TimeSpan.FromHours(1));

        // Assert: the receiver saw one id twice (its dedupe key), the same bytes, and nothing else.
        Assert.Equal(2, rig.Receiver.Requests.Count);
        Assert.Equal(intent.SendId, first.WebhookId);
        Assert.Equal(intent.SendId, second.WebhookId);
        Assert.Equal(first.Body, second.Body);
        Assert.True(WebhookVerifier.Verifies(second, DeliverySilo.Secret));
        Assert.Equal(SendAttemptOutcome.Delivered, Assert.Single(send.Attempts).Outcome);
    }

    [Fact]
    public async Task CrashWhileWaitingForARetry_NewSiloRetriesAtTheRecordedTimeWithTheSameId()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        rig.Receiver.Script(null, ReceiverAnswer.Status(503));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());
        await rig.Silo.AppendAsync(intent);
        var retrying = await rig.Silo.WaitForAttemptsAsync(intent.SendId, 1, guard.Token);
        var retryAt = retrying.Attempts[0].RetryAt!.Value;

        // Act
        await rig.Silo.RestartAsync();
        await rig.Silo.Silo.AdvanceToAsync(retryAt.AddTicks(-1));
        var beforeRetryAt = rig.Receiver.Requests.Count;
        await rig.Silo.Silo.AdvanceToAsync(retryAt + TimeSpan.FromSeconds(1));
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert
        Assert.Equal(1, beforeRetryAt);
        Assert.Equal([intent.SendId, intent.SendId], rig.Receiver.Requests.Select(static r => r.WebhookId));
        Assert.Equal([503, 200], send.Attempts.Select(static a => a.StatusCode!.Value));
        Assert.Equal([1, 2], send.Attempts.Select(static a => a.Number));
    }
}
