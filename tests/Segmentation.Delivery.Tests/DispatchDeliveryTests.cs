using System.Text.Json;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

/// <summary>Sends reach a real local HTTP receiver, signed the Standard Webhooks way, once per occurrence.</summary>
public sealed class DispatchDeliveryTests
{
    [Fact]
    public async Task Intent_Posted_SignatureVerifiesAndBodyCarriesThePayload()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        var request = await rig.Receiver.WaitForRequestAsync(1, guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert: verified by an independent implementation of the specification, and not with another secret.
        Assert.Equal(EspReceiver.Path, request.Path);
        Assert.Equal(intent.SendId, request.WebhookId);
        Assert.Equal(rig.Clock.GetUtcNow().ToUnixTimeSeconds(), WebhookVerifier.Timestamp(request));
        Assert.True(WebhookVerifier.Verifies(request, DeliverySilo.Secret));
        Assert.False(WebhookVerifier.Verifies(request, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        Assert.StartsWith("application/json", request.Header("content-type"), StringComparison.Ordinal);

        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("email.send", root.GetProperty("type").GetString());
        var data = root.GetProperty("data");
        Assert.Equal(intent.SendId, data.GetProperty("sendId").GetString());
        Assert.Equal("u-1", data.GetProperty("customerId").GetString());
        Assert.Equal("cart_abandonment", data.GetProperty("trigger").GetString());
        Assert.Equal("Marketing", data.GetProperty("kind").GetString());
        Assert.Equal("d-cart-1", data.GetProperty("templateId").GetString());
        Assert.Equal(Intents.Email, data.GetProperty("email").GetString());
        Assert.Equal("Ada", data.GetProperty("firstName").GetString());
        var line = data.GetProperty("cartItems")[0];
        Assert.Equal("Trail shoe", line.GetProperty("name").GetString());
        Assert.Equal("https://shop.example/img/p-1.jpg", line.GetProperty("imageUrl").GetString());
        Assert.Equal(89.90m, line.GetProperty("price").GetDecimal());
        Assert.Equal(1, line.GetProperty("quantity").GetInt32());
        Assert.Equal(3, data.GetProperty("cartItems")[1].GetProperty("quantity").GetInt32());
        Assert.Equal(127.40m, data.GetProperty("cartValue").GetDecimal());
        Assert.Equal("Potential Loyalists", data.GetProperty("rfm").GetProperty("cellName").GetString());
        Assert.Equal(4, data.GetProperty("rfm").GetProperty("recency").GetInt32());
        Assert.Equal("Active", data.GetProperty("lifecycleStage").GetString());
        Assert.Equal(0, data.GetProperty("recommendations").GetArrayLength());
        Assert.Equal(["campaign", "store"], data.GetProperty("properties").EnumerateObject().Select(static p => p.Name));

        var attempt = Assert.Single(send.Attempts);
        Assert.Equal((1, 200, SendAttemptOutcome.Delivered), (attempt.Number, attempt.StatusCode, attempt.Outcome));
        Assert.Equal(rig.Clock.GetUtcNow(), send.DeliveredAt);
        Assert.Null(send.NextAttemptAt);
    }

    [Fact]
    public async Task SameIntentTwice_AndAReplayAfterACrash_OnePostOnly()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());
        await rig.Silo.AppendAsync(intent);
        await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Act: the trigger appends the same occurrence again (a replayed turn), then the silo dies and replays its log.
        await rig.Silo.AppendAsync(intent with { Payload = intent.Payload with { CartValue = 1m } });
        await rig.Silo.RestartAsync();
        await rig.Silo.Silo.AdvanceAsync(TimeSpan.FromMinutes(10));

        // Assert
        var request = Assert.Single(rig.Receiver.Requests);
        Assert.Equal(intent.SendId, request.WebhookId);
        var send = await rig.Silo.Outbox.GetAsync(intent.SendId, guard.Token);
        Assert.Equal(SendStatus.Delivered, send!.Status);
        Assert.Equal(127.40m, send.Payload!.Read().CartValue);
    }

    [Fact]
    public async Task SkipRecordedFirst_LaterIntentOfTheOccurrence_IsNotSent()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        var now = rig.Clock.GetUtcNow();
        var skip = SendSkip.Create("u-1", "cart_abandonment", "cart-1", SendKind.Marketing, now, new SendSkipReason(SendSkipReasons.NoConsent, "marketing consent withdrawn"));
        await rig.Silo.Outbox.AppendSkipsAsync([skip], guard.Token);
        var other = Intents.Cart("u-2", "cart-1", now);

        // Act
        await rig.Silo.AppendAsync(Intents.Cart("u-1", "cart-1", now), other);
        await rig.Receiver.WaitForRequestAsync(1, guard.Token);
        await rig.Silo.WaitForAsync(other.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert: only the other customer's send went out; the skipped one keeps its reason.
        Assert.Equal([other.SendId], rig.Receiver.Requests.Select(static r => r.WebhookId));
        var skipped = await rig.Silo.Outbox.GetAsync(skip.SendId, guard.Token);
        Assert.Equal(SendStatus.Skipped, skipped!.Status);
        Assert.Equal(new SendSkipReason(SendSkipReasons.NoConsent, "marketing consent withdrawn"), skipped.SkipReason);
        Assert.Null(skipped.Payload);
    }
}
