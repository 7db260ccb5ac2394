using System.Net;
using System.Net.Sockets;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;
using Segmentation.TestKit;

namespace Segmentation.Delivery.Tests;

/// <summary>An ESP that refuses a send, and an ESP that cannot be reached.</summary>
public sealed class DispatchFailureTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task ClientError_RecordedAsFailedAndNotRetried(int status)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync();
        rig.Receiver.Script(null, ReceiverAnswer.Status(status, "{\"errors\":[{\"message\":\"The template_id is not valid.\"}]}"));
        var intent = Intents.Cart("u-1", "cart-1", rig.Clock.GetUtcNow());

        // Act
        await rig.Silo.AppendAsync(intent);
        var send = await rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Failed, guard.Token);
        await rig.Silo.Silo.AdvanceAsync(TimeSpan.FromHours(3));

        // Assert
        Assert.Single(rig.Receiver.Requests);
        var attempt = Assert.Single(send.Attempts);
        Assert.Equal(status, attempt.StatusCode);
        Assert.Equal(SendAttemptOutcome.Failed, attempt.Outcome);
        Assert.Contains("template_id is not valid", attempt.Error, StringComparison.Ordinal);
        Assert.Null(attempt.RetryAt);
        Assert.Equal(SendStatus.Failed, (await rig.Silo.Outbox.GetAsync(intent.SendId, guard.Token))!.Status);
    }

    [Fact]
    public async Task UnreachableEsp_SendsWaitAndRetry_AllDeliveredOnceItIsBackAndNothingIsLost()
    {
        // Arrange: an endpoint on a loopback port where nothing listens yet.
        using var guard = HangGuard.Start();
        var port = FreePort();
        var clock = new FakeTimeProvider();
        var options = DeliverySilo.CreateOptions(
            new Uri($"http://127.0.0.1:{port}{EspReceiver.Path}"), static settings => settings["Segmentation:Delivery:MaxAttempts"] = "10");
        options.Clock = clock;
        await using var silo = await DeliverySilo.StartAsync(options);
        var intents = Enumerable.Range(1, 3).Select(i => Intents.Cart($"u-{i}", "cart-1", clock.GetUtcNow())).ToArray();

        // Act: two failed rounds while the ESP is down, then it comes back.
        await silo.AppendAsync(intents);
        await AdvanceEachToRetryAsync(silo, intents, 1, guard.Token);
        await AdvanceEachToRetryAsync(silo, intents, 2, guard.Token);
        await using var receiver = await EspReceiver.StartAsync(clock, port);
        await AdvanceEachToRetryAsync(silo, intents, 3, guard.Token);
        var sends = await Task.WhenAll(intents.Select(intent =>
            silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token)));

        // Assert: each send reached the ESP exactly once, after three unanswered attempts.
        Assert.Equal(intents.Select(static i => i.SendId).Order(), receiver.Requests.Select(static r => r.WebhookId).Order());
        Assert.All(sends, send =>
        {
            Assert.Equal(4, send.Attempts.Count);
            Assert.All(send.Attempts.Take(3), attempt =>
            {
                Assert.Null(attempt.StatusCode);
                Assert.Equal(SendAttemptOutcome.Retrying, attempt.Outcome);
                Assert.StartsWith("ConnectionError", attempt.Error, StringComparison.Ordinal);
            });
        });
    }

    // One send at a time, in the order of their retry times: move the clock to its retry and wait until that attempt
    // is recorded (and its next backoff wait started), so that the clock never moves while a send is between the two.
    private static async Task AdvanceEachToRetryAsync(DeliverySilo silo, SendIntent[] intents, int attempt, CancellationToken cancellationToken)
    {
        var sends = await Task.WhenAll(intents.Select(intent => silo.WaitForAttemptsAsync(intent.SendId, attempt, cancellationToken)));
        foreach (var send in sends.OrderBy(s => s.Attempts[attempt - 1].RetryAt))
        {
            await silo.AdvanceToRetryAsync(send.SendId, attempt, cancellationToken);
            var next = await silo.WaitForAttemptsAsync(send.SendId, attempt + 1, cancellationToken);
            if (next.Attempts[attempt].RetryAt is { } retryAt)
            {
                await silo.WaitForRetryTimerAsync(retryAt, cancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
