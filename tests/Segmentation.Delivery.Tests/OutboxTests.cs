using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;
using Segmentation.TestKit;

namespace Segmentation.Delivery.Tests;

/// <summary>The outbox and send log without a dispatcher (no endpoint configured): sends wait, pages, retention, snapshots.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task NoEndpoint_SendsWaitPendingInTheOutbox()
    {
        // Arrange
        await using var silo = await DeliverySilo.StartAsync(DeliverySilo.CreateOptions(endpoint: null));
        var intent = Intents.Cart("u-1", "cart-1", silo.Clock.GetUtcNow());

        // Act
        await silo.AppendAsync(intent);
        await silo.Silo.AdvanceAsync(TimeSpan.FromHours(1));

        // Assert
        var send = await silo.Outbox.GetAsync(intent.SendId);
        Assert.Equal(SendStatus.Pending, send!.Status);
        Assert.Equal(intent.CreatedAt, send.NextAttemptAt);
        Assert.Empty(send.Attempts);
        Assert.Equal(0, silo.Dispatcher.SendsInProgress);
    }

    [Fact]
    public async Task ListAsync_FiltersAndPagesNewestFirstAcrossShards()
    {
        // Arrange: 30 sends of 10 customers and 2 triggers, one minute apart.
        await using var silo = await DeliverySilo.StartAsync(DeliverySilo.CreateOptions(endpoint: null));
        var start = silo.Clock.GetUtcNow();
        var intents = Enumerable.Range(0, 30)
            .Select(i => Intents.Cart($"u-{i % 10}", $"cart-{i}", start.AddMinutes(i), trigger: i % 2 == 0 ? "cart_abandonment" : "browse_abandonment"))
            .ToArray();
        await silo.AppendAsync(intents);
        var skip = SendSkip.Create("u-3", "lapse", "2026-01", SendKind.Marketing, start.AddHours(1), new SendSkipReason(SendSkipReasons.FrequencyCap));
        await silo.Outbox.AppendSkipsAsync([skip]);
        await silo.Silo.WhenIdleAsync();

        // Act: every page of 7.
        var pages = new List<SendPage>();
        SendCursor? cursor = null;
        do
        {
            var page = await silo.Outbox.ListAsync(new SendQuery(), cursor, 7);
            pages.Add(page);
            cursor = page.Next;
        }
        while (cursor is not null);

        // Assert
        var all = pages.SelectMany(static p => p.Sends).ToList();
        Assert.Equal(31, all.Count);
        Assert.Equal(5, pages.Count);
        Assert.Equal(skip.SendId, all[0].SendId);
        Assert.Equal(all.OrderByDescending(static s => s.CreatedAt).Select(static s => s.SendId), all.Select(static s => s.SendId));

        var customer = await silo.Outbox.ListAsync(new SendQuery(CustomerId: "u-3"), null, 100);
        Assert.Equal(4, customer.Sends.Count);
        Assert.Null(customer.Next);
        var skipped = await silo.Outbox.ListAsync(new SendQuery(Status: SendStatus.Skipped), null, 100);
        Assert.Equal([skip.SendId], skipped.Sends.Select(static s => s.SendId));
        var lapse = await silo.Outbox.ListAsync(new SendQuery(Trigger: "lapse", CustomerId: "u-3"), null, 100);
        Assert.Equal([skip.SendId], lapse.Sends.Select(static s => s.SendId));
        var browse = await silo.Outbox.ListAsync(new SendQuery(Trigger: "browse_abandonment"), null, 100);
        Assert.Equal(15, browse.Sends.Count);
        Assert.All(browse.Sends, static s => Assert.Equal("browse_abandonment", s.Trigger));
        var customerSends = await silo.Outbox.GetCustomerSendsAsync("u-3");
        Assert.Equal(customer.Sends.Select(static s => s.SendId), customerSends.Select(static s => s.SendId));
    }

    [Fact]
    public async Task SendLog_SurvivesAGracefulRestartAndACrash()
    {
        // Arrange
        var options = DeliverySilo.CreateOptions(endpoint: null);
        await using var silo = await DeliverySilo.StartAsync(options);
        var intent = Intents.Cart("u-1", "cart-1", silo.Clock.GetUtcNow());
        await silo.AppendAsync(intent);
        var skip = SendSkip.Create("u-2", "birthday", "2026", SendKind.Marketing, silo.Clock.GetUtcNow(), new SendSkipReason(SendSkipReasons.Bounced));
        await silo.Outbox.AppendSkipsAsync([skip]);
        await silo.Silo.CheckpointAsync();

        // Act: a crash (replays nothing after the checkpoint), then records after the checkpoint and another crash.
        await silo.RestartAsync();
        var later = Intents.Cart("u-1", "cart-2", silo.Clock.GetUtcNow());
        await silo.AppendAsync(later);
        await silo.RestartAsync();

        // Assert
        var sends = await silo.Outbox.GetCustomerSendsAsync("u-1");
        Assert.Equal([later.SendId, intent.SendId], sends.Select(static s => s.SendId).OrderByDescending(id => id == later.SendId));
        Assert.Equal(intent.Payload.CartItems, (await silo.Outbox.GetAsync(intent.SendId))!.Payload!.Read().CartItems);
        Assert.Equal(SendSkipReasons.Bounced, (await silo.Outbox.GetAsync(skip.SendId))!.SkipReason!.Code);
    }

    [Fact]
    public async Task FinishedSends_LeaveTheLogAfterTheRetention_PendingOnesStay()
    {
        // Arrange: a skipped send and a pending one (no endpoint), then 31 days of other records.
        await using var silo = await DeliverySilo.StartAsync(DeliverySilo.CreateOptions(endpoint: null));
        var start = silo.Clock.GetUtcNow();
        var pending = Intents.Cart("u-1", "cart-1", start);
        var skip = SendSkip.Create("u-1", "lapse", "2026-01", SendKind.Marketing, start, new SendSkipReason(SendSkipReasons.NoConsent));
        await silo.AppendAsync(pending);
        await silo.Outbox.AppendSkipsAsync([skip]);

        // Act: a record for the same shard 31 days later prunes it.
        await silo.Silo.AdvanceAsync(TimeSpan.FromDays(31));
        await silo.AppendAsync(Intents.Cart("u-1", "cart-2", silo.Clock.GetUtcNow()));

        // Assert
        Assert.Null(await silo.Outbox.GetAsync(skip.SendId));
        Assert.NotNull(await silo.Outbox.GetAsync(pending.SendId));
    }

    [Fact]
    public async Task Retry_OfAPendingOrSkippedSend_IsRefusedAndChangesNothing()
    {
        await using var silo = await DeliverySilo.StartAsync(DeliverySilo.CreateOptions(endpoint: null));
        var intent = Intents.Cart("u-1", "cart-1", silo.Clock.GetUtcNow());
        await silo.AppendAsync(intent);

        var pending = await silo.Outbox.RetryAsync(intent.SendId, null);
        await silo.Outbox.AppendSkipsAsync([SendSkip.Of(intent, silo.Clock.GetUtcNow(), new SendSkipReason(SendSkipReasons.ConditionNotMet))]);
        await silo.Silo.WhenIdleAsync();
        var skipped = await silo.Outbox.RetryAsync(intent.SendId, null);

        Assert.Equal((SendRetryStatus.NotRetryable, SendStatus.Pending), (pending.Status, pending.Send!.Status));
        Assert.Equal((SendRetryStatus.NotRetryable, SendStatus.Skipped), (skipped.Status, skipped.Send!.Status));
        Assert.Empty((await silo.Outbox.GetAsync(intent.SendId))!.Retries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-base64!")]
    [InlineData("MTIzNDU2")]
    public void Cursor_NotOneTheLogWrote_IsRefused(string text) => Assert.False(SendCursor.TryDecode(text, out _));

    [Fact]
    public void Cursor_RoundTrips()
    {
        var cursor = new SendCursor(new FakeTimeProvider().GetUtcNow(), SendIds.Compute("u-1", "lapse", "1"));

        Assert.True(SendCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }
}
