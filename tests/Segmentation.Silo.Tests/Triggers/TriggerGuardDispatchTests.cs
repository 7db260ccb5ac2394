using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Delivery.Outbox;
using Segmentation.Delivery.Sends;
using Segmentation.Grains.Customers;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Sends;
using Segmentation.TestKit;
using Segmentation.TestKit.Esp;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Triggers;

/// <summary>The silo's dispatcher asks <c>TriggerSendGuard</c> before posting a trigger's send to a real local receiver.</summary>
public sealed class TriggerGuardDispatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Dispatch_SecondMarketingSendWithinTheCap_SkippedAsFrequencyCapAndNeverPosted()
    {
        using var guard = HangGuard.Start();
        var clock = new FakeTimeProvider(Now);
        await using var esp = await EspReceiver.StartAsync(clock);
        await using var factory = new SiloApplicationFactory()
            .WithSetting("Segmentation:Delivery:EndpointUrl", esp.Url.ToString())
            .WithSetting("Segmentation:Delivery:SigningSecret", SendsTestSilo.Secret)
            .WithSetting("Segmentation:Triggers:Guardrails:FrequencyCap", "1")
            .WithSetting("Segmentation:Triggers:LoyaltyMilestone:Enabled", "true")
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        await factory.Silo.WhenReadyAsync().WaitAsync(guard.Token);
        await factory.Services.GetRequiredService<CustomerDirectory>().AppendAsync([Subscriber(), Order()], guard.Token);
        await factory.Silo.WhenIdleAsync().WaitAsync(guard.Token);
        var outbox = factory.Services.GetRequiredService<OutboxDirectory>();
        var first = Milestone("spend-10");
        var second = Milestone("spend-20");

        // The first is delivered; the second finds one marketing send delivered within 24 hours.
        await outbox.AppendAsync([first], guard.Token);
        Assert.Equal(SendStatus.Delivered, (await WaitUntilFinishedAsync(factory, outbox, first.SendId, guard.Token)).Status);
        await outbox.AppendAsync([second], guard.Token);
        var skipped = await WaitUntilFinishedAsync(factory, outbox, second.SendId, guard.Token);

        Assert.Equal((SendStatus.Skipped, SendSkipReasons.FrequencyCap), (skipped.Status, skipped.SkipReason!.Code));
        Assert.Equal([first.SendId], esp.Requests.Select(static r => r.WebhookId));
    }

    private static SendIntent Milestone(string key) => SendIntent.Create(
        "u-1", "loyalty_milestone", key, SendKind.Marketing, Now, "d-milestone", SendPayload.For(new SendRecipient("u-1@example.com", "Ada")));

    private static TrackingMessage Subscriber() => new()
    {
        Type = TrackingMessageType.Identify,
        MessageId = "identify-1",
        UserId = "u-1",
        Timestamp = Now,
        ReceivedAt = Now,
        Traits = new JsonObject { ["email"] = "u-1@example.com", ["email_consent"] = true },
    };

    private static TrackingMessage Order() => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = "order-1",
        UserId = "u-1",
        Event = "Order Completed",
        Timestamp = Now,
        ReceivedAt = Now,
        Properties = new JsonObject { ["order_id"] = "o-1", ["revenue"] = 50 },
    };

    private static async Task<SendRecord> WaitUntilFinishedAsync(SiloApplicationFactory factory, OutboxDirectory outbox, string sendId, CancellationToken cancellationToken)
    {
        var signal = factory.Services.GetRequiredService<OutboxSignal>();
        while (true)
        {
            var changed = signal.NextChangeAsync();
            if (await outbox.GetAsync(sendId, cancellationToken) is { Status: not SendStatus.Pending } send)
            {
                return send;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}
