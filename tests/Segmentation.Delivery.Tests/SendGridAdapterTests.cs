using System.Text.Json;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;

namespace Segmentation.Delivery.Tests;

/// <summary>The SendGrid v3 mail/send adapter against a local receiver standing in for SendGrid.</summary>
public sealed class SendGridAdapterTests
{
    private const string ApiKey = "SG.test-key.0123456789";

    [Fact]
    public async Task MarketingSend_PostsMailSendWithTheDynamicTemplateAndItsData()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(SendGrid);
        rig.Receiver.Script(ReceiverAnswer.Status(202));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        var request = await rig.Receiver.WaitForRequestAsync(1, guard.Token);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert
        Assert.Equal($"Bearer {ApiKey}", request.Header("authorization"));
        Assert.False(request.Headers.ContainsKey("webhook-signature"));
        using var body = JsonDocument.Parse(request.Body);
        var mail = body.RootElement;
        Assert.Equal("d-cart-1", mail.GetProperty("template_id").GetString());
        Assert.Equal("shop@example.com", mail.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Example Shop", mail.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(["cart_abandonment"], mail.GetProperty("categories").EnumerateArray().Select(static c => c.GetString()));
        Assert.Equal(42, mail.GetProperty("asm").GetProperty("group_id").GetInt32());
        Assert.True(mail.GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean());
        var personalization = Assert.Single(mail.GetProperty("personalizations").EnumerateArray());
        var to = Assert.Single(personalization.GetProperty("to").EnumerateArray());
        Assert.Equal((Intents.Email, "Ada"), (to.GetProperty("email").GetString(), to.GetProperty("name").GetString()));
        var data = personalization.GetProperty("dynamic_template_data");
        Assert.Equal("Ada", data.GetProperty("firstName").GetString());
        Assert.Equal("Trail shoe", data.GetProperty("cartItems")[0].GetProperty("name").GetString());
        Assert.Equal(127.40m, data.GetProperty("cartValue").GetDecimal());
        Assert.Equal(intent.SendId, personalization.GetProperty("custom_args").GetProperty("send_id").GetString());
        Assert.Equal("u-1", personalization.GetProperty("custom_args").GetProperty("customer_id").GetString());
        Assert.Equal(202, Assert.Single(send.Attempts).StatusCode);
    }

    [Fact]
    public async Task TransactionalSend_HasNoUnsubscribeGroup()
    {
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(SendGrid);
        var intent = Intents.Cart("u-1", "order-1", rig.Clock.GetUtcNow(), SendKind.Transactional);

        await rig.Silo.AppendAsync(intent);
        var request = await rig.Receiver.WaitForRequestAsync(1, guard.Token);

        using var body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.TryGetProperty("asm", out _));
    }

    [Fact]
    public async Task SendWithoutTemplate_FailsWithoutARequest()
    {
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(SendGrid);
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow(), templateId: null);

        await rig.Silo.AppendAsync(intent);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Failed, guard.Token);

        Assert.Empty(rig.Receiver.Requests);
        var attempt = Assert.Single(send.Attempts);
        Assert.Null(attempt.StatusCode);
        Assert.Contains("template id", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimited_RetriesWhenSendGridSaysTheLimitResets()
    {
        // Arrange: 429 with X-RateLimit-Reset 20 s ahead and no Retry-After.
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(SendGrid);
        var reset = rig.Clock.GetUtcNow().AddSeconds(20).ToUnixTimeSeconds();
        rig.Receiver.Script(ReceiverAnswer.Status(202), new ReceiverAnswer(429, Headers: new Dictionary<string, string> { ["X-RateLimit-Reset"] = $"{reset}" }));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        var wait = await rig.Silo.AdvanceToRetryAsync(intent.SendId, 1, guard.Token);
        await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(20), wait);
    }

    private static void SendGrid(Dictionary<string, string?> settings)
    {
        settings["Segmentation:Delivery:Adapter"] = "SendGrid";
        settings["Segmentation:Delivery:SigningSecret"] = null;
        settings["Segmentation:Delivery:SendGrid:ApiKey"] = ApiKey;
        settings["Segmentation:Delivery:SendGrid:FromEmail"] = "shop@example.com";
        settings["Segmentation:Delivery:SendGrid:FromName"] = "Example Shop";
        settings["Segmentation:Delivery:SendGrid:UnsubscribeGroupId"] = "42";
        settings["Segmentation:Delivery:SendGrid:SandboxMode"] = "true";
    }
}
