using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Sends;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.TestKit.Esp;
using static Segmentation.Silo.Tests.Management.ManagementHttp;

namespace Segmentation.Silo.Tests.Sends;

/// <summary><c>/api/sends</c> over HTTP: the send log with its filters and pages, one send, manual retries.</summary>
public sealed class SendEndpointTests
{
    [Fact]
    public async Task ListSends_FiltersByStatusCustomerAndTrigger_WithAttemptsAndSkipReasons()
    {
        // Arrange: delivered, refused (400), dead-lettered (500, one attempt allowed) and skipped sends.
        using var guard = HangGuard.Start();
        await using var silo = await SendsTestSilo.StartAsync(guard.Token);
        var delivered = SendsTestSilo.Intent("u-1", "cart_abandonment", "c-1", minutesAgo: 40);
        var refused = SendsTestSilo.Intent("u-2", "cart_abandonment", "c-1", minutesAgo: 30);
        var deadLettered = SendsTestSilo.Intent("u-1", "browse_abandonment", "p-9", minutesAgo: 20);
        silo.Esp.FirstAnswer(refused.SendId, ReceiverAnswer.Status(400));
        silo.Esp.FirstAnswer(deadLettered.SendId, ReceiverAnswer.Status(500));
        await silo.SendAsync(guard.Token, delivered, refused, deadLettered);
        var skip = SendSkip.Create("u-2", "lapse", "2026-03", SendKind.Marketing, SendsTestSilo.Now, new SendSkipReason(SendSkipReasons.FrequencyCap, "3 sends in 24 h"));
        await silo.Outbox.AppendSkipsAsync([skip], guard.Token);
        await silo.WaitForAsync(skip.SendId, static _ => true, guard.Token);

        // Act
        var all = await silo.GetJsonAsync("/api/sends", guard.Token);
        var failed = await silo.GetJsonAsync("/api/sends?status=failed", guard.Token);
        var dead = await silo.GetJsonAsync("/api/sends?status=dead_lettered", guard.Token);
        var skipped = await silo.GetJsonAsync("/api/sends?status=Skipped", guard.Token);
        var customer = await silo.GetJsonAsync("/api/sends?customerId=u-1", guard.Token);
        var trigger = await silo.GetJsonAsync("/api/sends?trigger=cart_abandonment&status=delivered", guard.Token);

        // Assert: newest first.
        Assert.Equal([skip.SendId, deadLettered.SendId, refused.SendId, delivered.SendId], SendsTestSilo.Ids(all));
        Assert.Equal([refused.SendId], SendsTestSilo.Ids(failed));
        Assert.Equal([deadLettered.SendId], SendsTestSilo.Ids(dead));
        Assert.Equal([skip.SendId], SendsTestSilo.Ids(skipped));
        Assert.Equal([deadLettered.SendId, delivered.SendId], SendsTestSilo.Ids(customer));
        Assert.Equal([delivered.SendId], SendsTestSilo.Ids(trigger));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);

        var refusedSend = failed.GetProperty("sends")[0];
        Assert.Equal("Failed", refusedSend.GetProperty("status").GetString());
        Assert.True(refusedSend.GetProperty("canRetry").GetBoolean());
        var attempt = refusedSend.GetProperty("attempts")[0];
        Assert.Equal(400, attempt.GetProperty("statusCode").GetInt32());
        Assert.Equal("Failed", attempt.GetProperty("outcome").GetString());
        Assert.Equal(500, dead.GetProperty("sends")[0].GetProperty("attempts")[0].GetProperty("statusCode").GetInt32());
        var skipJson = skipped.GetProperty("sends")[0].GetProperty("skip");
        Assert.Equal(("frequency_cap", "3 sends in 24 h"), (skipJson.GetProperty("reason").GetString(), skipJson.GetProperty("detail").GetString()));
        Assert.False(all.GetProperty("sends")[0].TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task ListSends_Pages_FollowTheNextLinkToTheEnd()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SendsTestSilo.StartAsync(guard.Token);
        var intents = Enumerable.Range(1, 5).Select(i => SendsTestSilo.Intent($"u-{i}", "lapse", "2026-03", minutesAgo: 10 - i)).ToArray();
        await silo.SendAsync(guard.Token, intents);

        // Act
        var ids = new List<string>();
        string? link = "/api/sends?status=delivered&limit=2";
        var pages = 0;
        while (link is not null)
        {
            var page = await silo.GetJsonAsync(link, guard.Token);
            ids.AddRange(SendsTestSilo.Ids(page));
            link = page.GetProperty("nextLink").GetString();
            pages++;
        }

        // Assert
        Assert.Equal(3, pages);
        Assert.Equal(intents.Select(static i => i.SendId).Reverse(), ids);
    }

    [Theory]
    [InlineData("status=sent", "status")]
    [InlineData("status=1", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("trigger=", "trigger")]
    public async Task ListSends_InvalidQuery_Returns400NamingTheParameter(string query, string parameter)
    {
        using var guard = HangGuard.Start();
        await using var silo = await SendsTestSilo.StartAsync(guard.Token);

        var body = await silo.ExpectAsync(HttpMethod.Get, $"/api/sends?{query}", HttpStatusCode.BadRequest, guard.Token);

        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _), $"No error for '{parameter}': {body}");
    }

    [Fact]
    public async Task RetrySend_DeadLetter_Returns202ThenIsDeliveredWithTheSameId()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SendsTestSilo.StartAsync(guard.Token);
        var intent = SendsTestSilo.Intent("u-1", "cart_abandonment", "c-1", minutesAgo: 5);
        silo.Esp.FirstAnswer(intent.SendId, ReceiverAnswer.Status(503));
        await silo.SendAsync(guard.Token, intent);

        // Act
        using var response = await silo.SendAsync(HttpMethod.Post, $"/api/sends/{intent.SendId}/retry", guard.Token);
        var accepted = await ReadJsonAsync(response, guard.Token);
        await silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);
        var send = await silo.GetJsonAsync($"/api/sends/{intent.SendId}", guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/sends/{intent.SendId}", response.Headers.Location?.OriginalString);
        Assert.Equal("Pending", accepted.GetProperty("status").GetString());
        Assert.Equal("Delivered", send.GetProperty("status").GetString());
        Assert.Equal([503, 200], send.GetProperty("attempts").EnumerateArray().Select(static a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(SendsTestSilo.KeyName, send.GetProperty("retries")[0].GetProperty("requestedBy").GetString());
        Assert.Equal("ada@example.com", send.GetProperty("payload").GetProperty("recipient").GetProperty("email").GetString());
        Assert.Equal([intent.SendId, intent.SendId], silo.Esp.Requests.Select(static r => r.WebhookId));
    }

    [Fact]
    public async Task RetrySend_DeliveredOrUnknown_Returns409Or404AndChangesNothing()
    {
        using var guard = HangGuard.Start();
        await using var silo = await SendsTestSilo.StartAsync(guard.Token);
        var intent = SendsTestSilo.Intent("u-1", "cart_abandonment", "c-1", minutesAgo: 5);
        await silo.SendAsync(guard.Token, intent);
        var unknown = SendIds.Compute("u-9", "lapse", "1");

        var conflict = await silo.ExpectAsync(HttpMethod.Post, $"/api/sends/{intent.SendId}/retry", HttpStatusCode.Conflict, guard.Token);
        var notFound = await silo.ExpectAsync(HttpMethod.Post, $"/api/sends/{unknown}/retry", HttpStatusCode.NotFound, guard.Token);
        await silo.ExpectAsync(HttpMethod.Get, $"/api/sends/{unknown}", HttpStatusCode.NotFound, guard.Token);
        await silo.ExpectAsync(HttpMethod.Get, "/api/sends/not-a-send-id", HttpStatusCode.NotFound, guard.Token);

        Assert.Contains("is Delivered; only failed or dead-lettered sends can be retried", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal($"No send has the id '{unknown}'.", notFound.GetProperty("detail").GetString());
        Assert.Equal([intent.SendId], silo.Esp.Requests.Select(static r => r.WebhookId));
    }

    [Fact]
    public async Task GetCustomer_ListsTheCustomersSends()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SendsTestSilo.StartAsync(guard.Token);
        await silo.Factory.Services.GetRequiredService<Grains.Customers.CustomerDirectory>().AppendAsync(
            [Identify("m1", "u-1", "ada@example.com", minutesAgo: 60, firstName: "Ada")], guard.Token);
        var intent = SendsTestSilo.Intent("u-1", "cart_abandonment", "c-1", minutesAgo: 5);
        await silo.SendAsync(guard.Token, intent, SendsTestSilo.Intent("u-2", "cart_abandonment", "c-1", minutesAgo: 5));

        // Act
        var customer = await silo.GetJsonAsync("/api/customers/u-1", guard.Token);

        // Assert
        var send = Assert.Single(customer.GetProperty("sends").EnumerateArray());
        Assert.Equal(intent.SendId, send.GetProperty("id").GetString());
        Assert.Equal("Delivered", send.GetProperty("status").GetString());
        Assert.Equal(200, send.GetProperty("attempts")[0].GetProperty("statusCode").GetInt32());
    }
}
