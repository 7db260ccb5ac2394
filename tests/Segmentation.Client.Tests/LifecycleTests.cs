using Microsoft.Extensions.DependencyInjection;
using Segmentation.Client.Tests.Infrastructure;

namespace Segmentation.Client.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task DisposeAsync_WhenTheApiKeepsFailing_GivesUpAfterTheShutdownTimeout()
    {
        var harness = await ClientHarness.StartAsync();
        await using (harness.Receiver)
        {
            harness.Receiver.Script(new ScriptedResponse(503, RetryAfter: "3600"));
            harness.TrackMany(2);
            var flush = harness.Client.FlushAsync();
            await harness.Time.WaitForTimerAsync(t => t.IsOneShot && t.DueTime == TimeSpan.FromHours(1));

            var dispose = harness.Client.DisposeAsync().AsTask();
            await harness.Time.WaitForTimerAsync(t => t.IsOneShot && t.DueTime == harness.Options.ShutdownTimeout);
            harness.Time.Advance(harness.Options.ShutdownTimeout);
            await dispose.Guarded();
            await flush.Guarded();

            Assert.Single(harness.Receiver.Requests);
            Assert.Equal(new TrackingClientStatistics { Enqueued = 2, Abandoned = 2 }, harness.Statistics);
            Assert.Contains(harness.Logger.Entries, e => e.Contains("abandoning 2 unsent messages", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AddTrackingClient_RegistersOneSharedClient_ThatTheContainerFlushesOnDispose()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var time = new FakeTimeProvider(ClientHarness.Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTrackingClient(o =>
        {
            o.Endpoint = receiver.BaseAddress;
            o.WriteKey = ClientHarness.WriteKey;
            o.TimeProvider = time;
        });

        var provider = services.BuildServiceProvider();
        await using (provider)
        {
            var client = provider.GetRequiredService<TrackingClient>();
            Assert.Same(client, provider.GetRequiredService<TrackingClient>());
            client.Track(TrackingIdentity.ForUser("user-1"), "Event 1");
        }

        Assert.Equal(["Event 1"], receiver.Requests.Single().EventNames);
    }

    [Fact]
    public async Task Logs_CarryCountsAndStatusCodes_NeverIdsOrContents()
    {
        await using var harness = await ClientHarness.StartAsync(o => o.MaxRetries = 1);
        harness.Receiver.Script(
            ScriptedResponse.Status(500, """{"error":"secret-user-42"}"""),
            ScriptedResponse.Status(400, """{"error":"secret-user-42 is invalid"}"""));

        harness.Client.Track(
            TrackingIdentity.ForUser("secret-user-42"), "Secret Event", new() { ["secret"] = "secret-value" });
        var flush = harness.Client.FlushAsync();
        await harness.WaitForBackoffAsync();
        harness.Time.Advance(ClientHarness.MaxBackoff);
        await flush.Guarded();

        var entries = harness.Logger.Entries;
        Assert.Contains(entries, e => e.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("HTTP 400", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("secret", e, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task FlushAsync_Cancelled_StopsWaitingButNotSending()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Receiver.Script(ScriptedResponse.Status(500), ScriptedResponse.Ok);
        using var cancellation = new CancellationTokenSource();

        harness.TrackMany(1);
        var flush = harness.Client.FlushAsync(cancellation.Token);
        await harness.WaitForBackoffAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => flush).Guarded();
        harness.Time.Advance(ClientHarness.MaxBackoff);
        await harness.Receiver.WaitForRequestsAsync(2);
        await harness.Client.FlushAsync().Guarded();
        Assert.Equal(1, harness.Statistics.Sent);
    }
}
