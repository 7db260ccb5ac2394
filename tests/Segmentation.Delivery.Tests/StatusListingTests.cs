using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

/// <summary>
/// The send log filtered by status reads each shard's sends of that status only (the dashboard's dead letters among a
/// large log): the pages are the same as a walk of the whole log would give, as sends change status and after a crash.
/// </summary>
public sealed class StatusListingTests
{
    [Fact]
    public async Task ListAsync_ByStatus_PagesNewestFirstAsSendsChangeStatus()
    {
        // Arrange: 40 pending sends of 8 customers a minute apart; every fifth dead-lettered, one of those retried.
        await using var silo = await DeliverySilo.StartAsync(DeliverySilo.CreateOptions(endpoint: null));
        var start = silo.Clock.GetUtcNow();
        var intents = Enumerable.Range(0, 40).Select(i => Intents.Cart($"status-{i % 8}", $"cart-{i}", start.AddMinutes(i))).ToArray();
        await silo.AppendAsync(intents);
        foreach (var intent in intents.Where((_, i) => i % 5 == 0))
        {
            await silo.Outbox.RecordAsync(
                OutboxMessages.Attempt(intent.CustomerId, intent.SendId, new SendAttempt(
                    1, silo.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(5), 500, null, SendAttemptOutcome.DeadLettered, null)),
                CancellationToken.None);
        }

        await silo.Silo.WhenIdleAsync();
        await silo.Outbox.RetryAsync(intents[15].SendId, "tests");

        // Act: dead letters three at a time, and the pending sends of one trigger, after a crash.
        var deadLetters = await ReadAllAsync(silo.Outbox, new SendQuery(Status: SendStatus.DeadLettered), 3);
        await silo.Silo.CheckpointAsync();
        await silo.RestartAsync();
        var afterCrash = await ReadAllAsync(silo.Outbox, new SendQuery(Status: SendStatus.DeadLettered), 3);
        var pending = await ReadAllAsync(silo.Outbox, new SendQuery(Status: SendStatus.Pending, Trigger: "cart_abandonment"), 7);

        // Assert
        string[] expected = [.. new[] { 35, 30, 25, 20, 10, 5, 0 }.Select(i => intents[i].SendId)];
        Assert.Equal(expected, deadLetters);
        Assert.Equal(expected, afterCrash);
        Assert.Equal(33, pending.Count);
        Assert.Equal(intents[39].SendId, pending[0]);
        Assert.Contains(intents[15].SendId, pending);
    }

    private static async Task<List<string>> ReadAllAsync(OutboxDirectory outbox, SendQuery query, int limit)
    {
        var ids = new List<string>();
        SendCursor? cursor = null;
        do
        {
            var page = await outbox.ListAsync(query, cursor, limit);
            ids.AddRange(page.Sends.Select(static s => s.SendId));
            cursor = page.Next;
        }
        while (cursor is not null);

        return ids;
    }
}
