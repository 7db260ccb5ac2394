using System.Globalization;
using System.Text.Json;
using Segmentation.Delivery.Sends;
using Segmentation.Domain.Triggers;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Sends;
using Segmentation.Silo.Tests.Tracking;
using Segmentation.TestKit.Esp;
using Xunit.Abstractions;

namespace Segmentation.Silo.Tests.Triggers;

/// <summary>
/// Kill -9 of a real silo process on the trigger -> send path. Carts posted over the tracking API become due in real
/// time a few seconds later; their cart-abandonment reminders fire and the sends are posted to a real receiver on
/// loopback, which answers the first ones and holds the next unanswered. The silo is killed once it holds one, and
/// restarted on the same data directory: every acknowledged event is in the profiles, every customer's send reaches
/// the receiver, the send log holds exactly one delivered send per customer, and the receiver sees a send id twice
/// only for a post the crash left unacknowledged, with the same body (docs/delivery.md, "Acknowledgement").
/// </summary>
public sealed class TriggerCrashTests(ITestOutputHelper output)
{
    private const string WriteKey = "trigger-crash-tests-write-key-01";
    private const string TemplateId = "d-cart-crash";
    private const int Customers = 60;
    private const int CustomersPerBatch = 20;

    // The receiver answers this many posts with 200, then holds every later one until the silo is gone.
    private const int AnsweredBeforeKill = 20;

    // The shortest delay the trigger takes; the carts are timestamped so that their reminders are due from
    // FirstDueAfter after the silo is ready, one Spacing apart, so reminders are still firing at the kill.
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstDueAfter = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(100);

    // Between two reads of the send log; what ends the wait is what the log says, never elapsed time.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task KillHard_WhileRemindersFireAndSendsAreInFlight_EveryCartSentOnceUnderItsIdAndNoEventLost()
    {
        using var guard = HangGuard.Start(TimeSpan.FromMinutes(5));
        using var temp = new TempDirectory();
        var dataDirectory = temp.Combine("data");

        // Arrange and act, first run: carts due in real time, killed while the receiver holds a post unanswered.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstEsp = await EspReceiver.StartAsync(TimeProvider.System);
        var port = firstEsp.Port;
        List<Shopper> shoppers;
        DateTimeOffset killedAt;
        try
        {
            firstEsp.Script(ReceiverAnswer.After(held.Task), [.. Enumerable.Repeat(ReceiverAnswer.Ok, AnsweredBeforeKill)]);
            await using var silo = SiloProcess.Start(dataDirectory, Environment(firstEsp.Url));
            await silo.WaitUntilReadyAsync(guard.Token);
            shoppers = Shoppers(DateTimeOffset.UtcNow);
            await PostCartsAsync(silo.BaseAddress, shoppers, guard.Token);

            await firstEsp.WaitForRequestAsync(AnsweredBeforeKill + 1, guard.Token);
            silo.KillHard();
            killedAt = DateTimeOffset.UtcNow;
            await silo.WaitForExitAsync(guard.Token);
        }
        finally
        {
            // Stopping the receiver ends what it still holds, so its list is final: exactly the first silo's posts.
            held.TrySetResult();
            await firstEsp.DisposeAsync();
        }

        // Second run: the same data directory, the receiver back on the same port answering 200.
        await using var secondEsp = await EspReceiver.StartAsync(TimeProvider.System, port);
        await using var restarted = SiloProcess.Start(dataDirectory, Environment(secondEsp.Url));
        await restarted.WaitUntilReadyAsync(guard.Token);
        var sends = await WaitUntilEverySendFinishedAsync(restarted, guard.Token);

        // Assert: each silo posted a send at most once.
        var expected = shoppers.ToDictionary(static s => s.SendId, StringComparer.Ordinal);
        var beforeKill = firstEsp.Requests;
        var afterRestart = secondEsp.Requests;
        Assert.Equal(beforeKill.Count, beforeKill.Select(static p => p.WebhookId).Distinct().Count());
        Assert.Equal(afterRestart.Count, afterRestart.Select(static p => p.WebhookId).Distinct().Count());
        var firstPosts = beforeKill.ToDictionary(static p => p.WebhookId, StringComparer.Ordinal);
        var repeated = afterRestart.Where(again => firstPosts.ContainsKey(again.WebhookId)).ToList();
        output.WriteLine(
            $"Killed with {beforeKill.Count} posts received ({beforeKill.Count(static p => p.Number > AnsweredBeforeKill)} held) and " +
            $"{shoppers.Count(s => s.DueAt > killedAt)} of {Customers} reminders not yet due; the restarted silo posted {afterRestart.Count}, " +
            $"{repeated.Count} of them again ({repeated.Count(again => firstPosts[again.WebhookId].Number <= AnsweredBeforeKill)} answered before the kill).");

        // The receiver got every customer's send, each post under the id of the send it carries; a send posted by both
        // silos carries the same idempotency key and the same bytes.
        var posts = beforeKill.Concat(afterRestart).ToList();
        Assert.All(posts, post => AssertCarries(post, expected));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), posts.Select(static p => p.WebhookId).Distinct().Order(StringComparer.Ordinal));
        Assert.All(repeated, again => Assert.Equal(firstPosts[again.WebhookId].Body, again.Body));

        // The posts the crash left unanswered were posted again; an answered one only if its record was not yet durable.
        var unanswered = beforeKill.Where(static p => p.Number > AnsweredBeforeKill).ToList();
        Assert.NotEmpty(unanswered);
        Assert.All(unanswered, post => Assert.Contains(afterRestart, again => again.WebhookId == post.WebhookId));

        // The send log: one delivered send per customer with its deterministic id, one attempt, nothing else.
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), sends.Select(static s => Text(s, "id")).Order(StringComparer.Ordinal));
        Assert.All(sends, send => AssertDelivered(send, expected[Text(send, "id")]));

        // Every acknowledged event is there: the cart, the email consent, the one send, nothing pending.
        foreach (var shopper in shoppers)
        {
            var customer = await ManagementApiReader.GetCustomerAsync(restarted.BaseAddress, shopper.CustomerId, guard.Token);
            AssertProfile(customer, shopper);
        }

        Assert.Equal(0, await restarted.StopGracefullyAsync(guard.Token));
    }

    private static List<Shopper> Shoppers(DateTimeOffset ready)
    {
        var firstCart = new DateTimeOffset(ready.UtcTicks - (ready.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero) + FirstDueAfter - Delay;
        return [.. Enumerable.Range(0, Customers).Select(i => new Shopper(i, firstCart + (i * Spacing)))];
    }

    private static async Task PostCartsAsync(Uri baseAddress, IReadOnlyList<Shopper> shoppers, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        foreach (var batch in shoppers.Chunk(CustomersPerBatch))
        {
            var items = batch.SelectMany(static s => new[] { s.IdentifyJson(), s.ProductAddedJson() });
            using var response = await http.SendAsync(
                TrackingHttp.Json("/v1/batch", $$"""{"batch":[{{string.Join(',', items)}}]}""", WriteKey), cancellationToken);
            await TrackingHttp.AssertSuccessAsync(response, cancellationToken);
        }
    }

    private static async Task<List<JsonElement>> WaitUntilEverySendFinishedAsync(SiloProcess silo, CancellationToken cancellationToken)
    {
        var sends = new List<JsonElement>();
        try
        {
            while (true)
            {
                sends = await ReadSendLogAsync(silo.BaseAddress, cancellationToken);
                if (sends.Count >= Customers && sends.All(static s => Text(s, "status") != nameof(SendStatus.Pending)))
                {
                    return sends;
                }

                await Task.Delay(ProbeInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var statuses = string.Join(", ", sends.CountBy(static s => Text(s, "status")).Select(static c => $"{c.Key}: {c.Value}"));
            throw new TimeoutException($"Not every send finished before the hang guard fired ({sends.Count} in the log; {statuses}).{silo.Describe()}");
        }
    }

    private static async Task<List<JsonElement>> ReadSendLogAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var sends = new List<JsonElement>();
        for (string? link = "api/sends?limit=200"; link is not null;)
        {
            var page = await ManagementApiReader.GetJsonAsync(baseAddress, link, cancellationToken);
            sends.AddRange(page.GetProperty("sends").EnumerateArray());
            link = page.GetProperty("nextLink").GetString();
        }

        return sends;
    }

    private static void AssertCarries(ReceivedRequest post, Dictionary<string, Shopper> expected)
    {
        using var body = JsonDocument.Parse(post.Body);
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(post.WebhookId, Text(data, "sendId"));
        Assert.True(expected.TryGetValue(post.WebhookId, out var shopper), $"Post {post.Number} has an id no customer's occurrence has: {post.WebhookId}.");
        Assert.Equal(
            (shopper.CustomerId, TriggerNames.CartAbandonment, shopper.OccurrenceKey, TemplateId, shopper.Email),
            (Text(data, "customerId"), Text(data, "trigger"), Text(data, "occurrenceKey"), Text(data, "templateId"), Text(data, "email")));
        var item = Assert.Single(data.GetProperty("cartItems").EnumerateArray());
        Assert.Equal((shopper.ProductId, 2), (Text(item, "productId"), item.GetProperty("quantity").GetInt32()));
    }

    private static void AssertDelivered(JsonElement send, Shopper shopper)
    {
        Assert.Equal(
            (nameof(SendStatus.Delivered), shopper.CustomerId, TriggerNames.CartAbandonment, shopper.OccurrenceKey),
            (Text(send, "status"), Text(send, "customerId"), Text(send, "trigger"), Text(send, "occurrenceKey")));

        // Decided as of the reminder's due time, or of a record applied after it, never before it was due.
        Assert.True(send.GetProperty("createdAt").GetDateTimeOffset() >= shopper.DueAt, $"{shopper.SendId} was decided before its due time.");
        var attempt = Assert.Single(send.GetProperty("attempts").EnumerateArray());
        Assert.Equal((nameof(SendAttemptOutcome.Delivered), 200), (Text(attempt, "outcome"), attempt.GetProperty("statusCode").GetInt32()));
    }

    private static void AssertProfile(JsonElement customer, Shopper shopper)
    {
        var profile = customer.GetProperty("profile");
        var line = Assert.Single(profile.GetProperty("cart").GetProperty("lines").EnumerateArray());
        Assert.Equal((shopper.ProductId, 2), (Text(line, "productId"), line.GetProperty("quantity").GetInt32()));
        Assert.Equal(shopper.CartAt, profile.GetProperty("cart").GetProperty("lastModifiedAt").GetDateTimeOffset());
        Assert.True(profile.GetProperty("email").GetProperty("canReceiveMarketingEmail").GetBoolean(), $"{shopper.CustomerId} lost its consent.");
        Assert.Empty(customer.GetProperty("pendingTriggers").EnumerateArray());
        var send = Assert.Single(customer.GetProperty("sends").EnumerateArray());
        Assert.Equal((shopper.SendId, nameof(SendStatus.Delivered)), (Text(send, "id"), Text(send, "status")));
    }

    // A null string stays null (the assertions name it); the non-null type suits keys and comparisons.
    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    // Cart abandonment alone, sent at once whatever the hour (no quiet hours, no second step), to the receiver.
    private static Dictionary<string, string?> Environment(Uri endpoint)
    {
        var environment = TrackingTestSilo.ProcessEnvironment(WriteKey, "trigger-crash-tests");
        environment["Segmentation__Triggers__CartAbandonment__Enabled"] = "true";
        environment["Segmentation__Triggers__CartAbandonment__TemplateId"] = TemplateId;
        environment["Segmentation__Triggers__CartAbandonment__Delay"] = Delay.ToString("c", CultureInfo.InvariantCulture);
        environment["Segmentation__Triggers__CartAbandonment__SecondStepDelay"] = "00:00:00";
        environment["Segmentation__Triggers__Guardrails__QuietHoursStart"] = "00:00";
        environment["Segmentation__Triggers__Guardrails__QuietHoursEnd"] = "00:00";
        environment["Segmentation__Delivery__EndpointUrl"] = endpoint.ToString();
        environment["Segmentation__Delivery__SigningSecret"] = SendsTestSilo.Secret;

        // Longer than any hang guard: a post the receiver holds stays in flight until the kill, never times out.
        environment["Segmentation__Delivery__RequestTimeout"] = "00:10:00";
        return environment;
    }

    /// <summary>A customer with an email, consent and a cart of two of one product, last changed at <paramref name="CartAt"/>.</summary>
    private sealed record Shopper(int Number, DateTimeOffset CartAt)
    {
        public string CustomerId => $"cart-crash-{Number:D3}";

        public string Email => $"shopper-{Number:D3}@example.com";

        public string ProductId => $"p-{Number:D3}";

        public DateTimeOffset DueAt => CartAt + Delay;

        /// <summary>The cart's start: the first add (docs/triggers.md, occurrence keys).</summary>
        public string OccurrenceKey => TriggerKeys.Instant(CartAt);

        public string SendId => SendIds.Compute(CustomerId, TriggerNames.CartAbandonment, OccurrenceKey);

        public string IdentifyJson() =>
            $$$"""{"type":"identify","messageId":"identify-{{{Number}}}","userId":"{{{CustomerId}}}","timestamp":"{{{Iso(CartAt.AddSeconds(-1))}}}","traits":{"email":"{{{Email}}}","email_consent":true,"first_name":"Shopper"}}""";

        public string ProductAddedJson() =>
            $$$"""{"type":"track","messageId":"add-{{{Number}}}","userId":"{{{CustomerId}}}","event":"Product Added","timestamp":"{{{Iso(CartAt)}}}","properties":{"product_id":"{{{ProductId}}}","sku":"sku-{{{Number}}}","name":"Trail shoe","price":89.9,"quantity":2,"image_url":"https://shop.example/img/{{{ProductId}}}.jpg"}}""";

        private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
