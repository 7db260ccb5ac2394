using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

/// <summary>Retries of 5xx, 429 and timeouts on the fake clock, dead letters after the limit, and manual retries.</summary>
public sealed class DispatchRetryTests
{
    [Fact]
    public async Task ServerErrors_RetriedWithBackoffAndTheSameId_ThenDelivered()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        rig.Receiver.Script(null, ReceiverAnswer.Status(500, "{\"error\":\"internal\"}"), ReceiverAnswer.Status(503));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        var first = await rig.Silo.AdvanceToRetryAsync(intent.SendId, 1, guard.Token);
        var second = await rig.Silo.AdvanceToRetryAsync(intent.SendId, 2, guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert: three posts of the same id and the same bytes, each signed for its own timestamp.
        var requests = rig.Receiver.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(intent.SendId, r.WebhookId));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.All(requests, r => Assert.True(WebhookVerifier.Verifies(r, DeliverySilo.Secret)));
        Assert.All(requests, r => Assert.Equal(r.ReceivedAt.ToUnixTimeSeconds(), WebhookVerifier.Timestamp(r)));

        Assert.Equal([500, 503, 200], send.Attempts.Select(static a => a.StatusCode!.Value));
        Assert.Equal(
            [SendAttemptOutcome.Retrying, SendAttemptOutcome.Retrying, SendAttemptOutcome.Delivered],
            send.Attempts.Select(static a => a.Outcome));
        Assert.Equal("{\"error\":\"internal\"}", send.Attempts[0].Error);
        Assert.All([first, second], wait => Assert.InRange(wait, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task ServerErrorsEveryTime_DeadLetteredAfterMaxAttempts_AndNotPostedAgain()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        rig.Receiver.Script(ReceiverAnswer.Status(500));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act: 4 attempts allowed.
        await rig.Silo.AppendAsync(intent);
        for (var attempt = 1; attempt < 4; attempt++)
        {
            await rig.Silo.AdvanceToRetryAsync(intent.SendId, attempt, guard.Token);
        }

        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.DeadLettered, guard.Token);
        await rig.Silo.Silo.AdvanceAsync(TimeSpan.FromHours(2));

        // Assert
        Assert.Equal(4, rig.Receiver.Requests.Count);
        Assert.Equal([1, 2, 3, 4], send.Attempts.Select(static a => a.Number));
        Assert.Equal(SendAttemptOutcome.DeadLettered, send.Attempts[^1].Outcome);
        Assert.Null(send.Attempts[^1].RetryAt);
        Assert.Null(send.NextAttemptAt);
        var deadLetters = await rig.Silo.Outbox.ListAsync(new SendQuery(SendStatus.DeadLettered), null, 10, guard.Token);
        Assert.Equal([intent.SendId], deadLetters.Sends.Select(static s => s.SendId));
    }

    [Fact]
    public async Task DeadLetter_ManualRetry_PostsTheSameIdAgainWithFreshAttempts()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(static settings => settings["Segmentation:Delivery:MaxAttempts"] = "1");
        rig.Receiver.Script(null, ReceiverAnswer.Status(502));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());
        await rig.Silo.AppendAsync(intent);
        await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.DeadLettered, guard.Token);

        // Act
        var retry = await rig.Silo.Outbox.RetryAsync(intent.SendId, "support-desk", guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert
        Assert.Equal(SendRetryStatus.Accepted, retry.Status);
        Assert.Equal(SendStatus.Pending, retry.Send!.Status);
        Assert.Equal(2, rig.Receiver.Requests.Count);
        Assert.All(rig.Receiver.Requests, r => Assert.Equal(intent.SendId, r.WebhookId));
        Assert.Equal([(1, SendAttemptOutcome.DeadLettered), (2, SendAttemptOutcome.Delivered)], send.Attempts.Select(static a => (a.Number, a.Outcome)));
        var request = Assert.Single(send.Retries);
        Assert.Equal("support-desk", request.RequestedBy);
        Assert.Equal(SendRetryStatus.NotRetryable, (await rig.Silo.Outbox.RetryAsync(intent.SendId, null, guard.Token)).Status);
        Assert.Equal(SendRetryStatus.NotFound, (await rig.Silo.Outbox.RetryAsync(SendIds.Compute("u-9", "lapse", "1"), null, guard.Token)).Status);
    }

    [Fact]
    public async Task TooManyRequests_RetryAfterIsHonoured()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        rig.Receiver.Script(null, ReceiverAnswer.TooManyRequests("7"));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        var wait = await rig.Silo.AdvanceToRetryAsync(intent.SendId, 1, guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Equal([429, 200], send.Attempts.Select(static a => a.StatusCode!.Value));
        Assert.Equal(send.Attempts[0].StartedAt + TimeSpan.FromSeconds(7), send.Attempts[0].RetryAt);
        Assert.Equal(TimeSpan.FromSeconds(7), rig.Receiver.Requests[1].ReceivedAt - rig.Receiver.Requests[0].ReceivedAt);
    }

    [Fact]
    public async Task NoAnswer_TimesOutAfterRequestTimeout_AndIsRetried()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        rig.Receiver.Script(null, ReceiverAnswer.NoAnswer);
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());
        await rig.Silo.AppendAsync(intent);
        var hanging = await rig.Receiver.WaitForRequestAsync(1, guard.Token);

        // Act: the attempt's timeout (10 s on the fake clock) runs out.
        await rig.Clock.WaitForTimerAsync(t => t.DueTime == TimeSpan.FromSeconds(10) && t.ScheduledAt == hanging.ReceivedAt).WaitAsync(guard.Token);
        await rig.Silo.Silo.AdvanceAsync(TimeSpan.FromSeconds(10));
        await rig.Silo.AdvanceToRetryAsync(intent.SendId, 1, guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert
        Assert.Equal(2, rig.Receiver.Requests.Count);
        var timedOut = send.Attempts[0];
        Assert.Null(timedOut.StatusCode);
        Assert.Equal("No answer within 00:00:10.", timedOut.Error);
        Assert.Equal(TimeSpan.FromSeconds(10), timedOut.Duration);
        Assert.Equal(SendAttemptOutcome.Retrying, timedOut.Outcome);
        Assert.Equal(200, send.Attempts[1].StatusCode);
    }
}
