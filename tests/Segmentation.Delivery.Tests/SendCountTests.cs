using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

/// <summary>
/// The sends of a day by their status now (the dashboard's "sends today"), kept by each outbox shard as its sends
/// change: attempts, skips, retries, restarts and the send log's retention.
/// </summary>
public sealed class SendCountTests
{
    [Fact]
    public async Task CountByStatusAsync_SendsOfTheDay_CountsEachByItsStatusNow()
    {
        // Arrange: no endpoint, so the test records the attempts itself. Five sends today (one per status, customers
        // on several shards) and one yesterday.
        await using var silo = await DeliverySilo.StartAsync(DeliverySilo.CreateOptions(endpoint: null));
        var now = silo.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var delivered = Intents.Cart("count-1", "cart-1", now);
        var failed = Intents.Cart("count-2", "cart-1", now);
        var deadLettered = Intents.Cart("count-3", "cart-1", now);
        var pending = Intents.Cart("count-4", "cart-1", now);
        var yesterday = Intents.Cart("count-5", "cart-1", now.AddDays(-1));
        await silo.AppendAsync(delivered, failed, deadLettered, pending, yesterday);
        await silo.Outbox.AppendSkipsAsync(
            [SendSkip.Create("count-6", "lapse", "2026-01", SendKind.Marketing, now, new SendSkipReason(SendSkipReasons.NoConsent))]);
        await RecordAttemptAsync(silo, delivered, SendAttemptOutcome.Delivered, 200);
        await RecordAttemptAsync(silo, failed, SendAttemptOutcome.Failed, 422);
        await RecordAttemptAsync(silo, deadLettered, SendAttemptOutcome.DeadLettered, 500);
        await silo.Silo.WhenIdleAsync();

        // Act
        var counts = await silo.Outbox.CountByStatusAsync(today);
        var before = await silo.Outbox.CountByStatusAsync(today.AddDays(-1));

        // Assert
        Assert.Equal(new SendStatusCounts(Pending: 1, Delivered: 1, Failed: 1, DeadLettered: 1, Skipped: 1), counts);
        Assert.Equal(5, counts.Total);
        Assert.Equal(new SendStatusCounts(Pending: 1, Delivered: 0, Failed: 0, DeadLettered: 0, Skipped: 0), before);
    }

    [Fact]
    public async Task CountByStatusAsync_AfterRetryCrashAndRetention_FollowsTheSendLog()
    {
        // Arrange: a dead letter and a skip today.
        await using var silo = await DeliverySilo.StartAsync(DeliverySilo.CreateOptions(endpoint: null));
        var now = silo.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var send = Intents.Cart("count-7", "cart-1", now);
        await silo.AppendAsync(send);
        await silo.Outbox.AppendSkipsAsync(
            [SendSkip.Create("count-8", "lapse", "2026-01", SendKind.Marketing, now, new SendSkipReason(SendSkipReasons.Cooldown))]);
        await RecordAttemptAsync(silo, send, SendAttemptOutcome.DeadLettered, 503);
        await silo.Silo.WhenIdleAsync();

        // Act: a manual retry, a checkpoint and a crash, then a record 31 days later on the skip's shard.
        await silo.Outbox.RetryAsync(send.SendId, "tests");
        var retried = await silo.Outbox.CountByStatusAsync(today);
        await silo.Silo.CheckpointAsync();
        await silo.RestartAsync();
        var restarted = await silo.Outbox.CountByStatusAsync(today);
        await silo.Silo.AdvanceAsync(TimeSpan.FromDays(31));
        await silo.AppendAsync(Intents.Cart("count-8", "cart-2", silo.Clock.GetUtcNow()));
        var pruned = await silo.Outbox.CountByStatusAsync(today);

        // Assert: the retried send is pending again; the skip leaves with its entry, the pending send stays.
        Assert.Equal(new SendStatusCounts(Pending: 1, Delivered: 0, Failed: 0, DeadLettered: 0, Skipped: 1), retried);
        Assert.Equal(retried, restarted);
        Assert.Null(await silo.Outbox.GetAsync(SendIds.Compute("count-8", "lapse", "2026-01")));
        Assert.Equal(new SendStatusCounts(Pending: 1, Delivered: 0, Failed: 0, DeadLettered: 0, Skipped: 0), pruned);
    }

    [Fact]
    public async Task Changes_CountsEveryChangeOfTheSendLog()
    {
        await using var silo = await DeliverySilo.StartAsync(DeliverySilo.CreateOptions(endpoint: null));
        var before = silo.Signal.Changes;

        await silo.AppendAsync(Intents.Cart("count-9", "cart-1", silo.Clock.GetUtcNow()), Intents.Cart("count-10", "cart-1", silo.Clock.GetUtcNow()));

        Assert.Equal(before + 2, silo.Signal.Changes);
    }

    private static Task RecordAttemptAsync(DeliverySilo silo, SendIntent intent, SendAttemptOutcome outcome, int statusCode) =>
        silo.Outbox.RecordAsync(
            OutboxMessages.Attempt(intent.CustomerId, intent.SendId, new SendAttempt(
                1, silo.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(20), statusCode, null, outcome, null)),
            CancellationToken.None);
}
