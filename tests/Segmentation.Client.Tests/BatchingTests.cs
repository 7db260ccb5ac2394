using System.Text.Json.Nodes;
using Segmentation.Client.Tests.Infrastructure;

namespace Segmentation.Client.Tests;

public sealed class BatchingTests
{
    [Fact]
    public async Task Track_ReachingMaxBatchSize_SendsFullBatchesWithoutWaitingForTheInterval()
    {
        await using var harness = await ClientHarness.StartAsync(o => o.MaxBatchSize = 3);

        harness.TrackMany(7);
        await harness.Receiver.WaitForRequestsAsync(2);

        Assert.All(harness.Receiver.Requests, r => Assert.Equal(3, r.Messages.Count));
        Assert.Equal(1, harness.Statistics.Queued);

        await harness.Client.FlushAsync().Guarded();

        var requests = harness.Receiver.Requests;
        Assert.Equal([3, 3, 1], requests.Select(r => r.Messages.Count));
        Assert.Equal(
            Enumerable.Range(1, 7).Select(i => $"Event {i}"),
            requests.SelectMany(r => r.EventNames));
        Assert.Equal(7, requests.SelectMany(r => r.MessageIds).Distinct().Count());
        Assert.Equal(7, harness.Statistics.Sent);
    }

    [Fact]
    public async Task Track_ReachingMaxBatchBytes_SplitsBatchesWithinTheByteLimit()
    {
        const int maxBatchBytes = 1_400;
        await using var harness = await ClientHarness.StartAsync(o =>
        {
            o.MaxEventBytes = 1_024;
            o.MaxBatchBytes = maxBatchBytes;
        });

        // Each message is about 550 bytes: two fit in 1,400 bytes, three do not.
        for (var i = 1; i <= 5; i++)
        {
            harness.Client.Track(
                TrackingIdentity.ForUser("user-1"), $"Event {i}", new JsonObject { ["padding"] = new string('x', 320) });
        }

        await harness.Receiver.WaitForRequestsAsync(2);
        await harness.Client.FlushAsync().Guarded();

        var requests = harness.Receiver.Requests;
        Assert.Equal([2, 2, 1], requests.Select(r => r.Messages.Count));
        Assert.All(requests, r => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(r.Body), 1, maxBatchBytes));
        Assert.Equal(5, harness.Statistics.Sent);
    }

    [Fact]
    public async Task FlushInterval_Elapsing_SendsWhatIsQueued()
    {
        await using var harness = await ClientHarness.StartAsync(o => o.FlushInterval = TimeSpan.FromSeconds(1));

        harness.TrackMany(2);
        Assert.Equal(2, harness.Statistics.Queued);
        Assert.Empty(harness.Receiver.Requests);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.Receiver.WaitForRequestsAsync(1);

        Assert.Equal(["Event 1", "Event 2"], harness.Receiver.Requests.Single().EventNames);
    }

    [Fact]
    public async Task FlushAsync_SendsEverythingQueuedAndWaitsForTheAnswer()
    {
        await using var harness = await ClientHarness.StartAsync();

        harness.TrackMany(5);
        await harness.Client.FlushAsync().Guarded();

        Assert.Equal(5, harness.Receiver.Requests.Single().Messages.Count);
        Assert.Equal(
            new TrackingClientStatistics { Enqueued = 5, Sent = 5 },
            harness.Statistics);
    }

    [Fact]
    public async Task FlushAsync_WithNothingQueued_SendsNothing()
    {
        await using var harness = await ClientHarness.StartAsync();

        await harness.Client.FlushAsync().Guarded();

        Assert.Empty(harness.Receiver.Requests);
    }

    [Fact]
    public async Task DisposeAsync_SendsWhatIsQueued_ThenRefusesCalls()
    {
        var harness = await ClientHarness.StartAsync();
        await using (harness.Receiver)
        {
            harness.TrackMany(3);

            await harness.Client.DisposeAsync().Guarded();

            Assert.Equal(3, harness.Receiver.Requests.Single().Messages.Count);
            Assert.Equal(3, harness.Statistics.Sent);
            Assert.Throws<ObjectDisposedException>(() => harness.Client.Track(TrackingIdentity.ForUser("u"), "Late"));
            await Assert.ThrowsAsync<ObjectDisposedException>(() => harness.Client.FlushAsync());
            await harness.Client.DisposeAsync().Guarded();
            Assert.Single(harness.Receiver.Requests);
        }
    }

    [Fact]
    public async Task Track_FromManyThreadsAtOnce_DeliversEveryMessageExactlyOnce()
    {
        await using var harness = await ClientHarness.StartAsync(o => o.MaxBatchSize = 50);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                harness.Client.Track(TrackingIdentity.ForUser($"user-{thread}"), $"Event {thread}-{i}");
            }
        }))).Guarded();
        await harness.Client.FlushAsync().Guarded();

        var requests = harness.Receiver.Requests;
        Assert.All(requests, r => Assert.InRange(r.Messages.Count, 1, 50));
        Assert.Equal(1_000, requests.SelectMany(r => r.EventNames).Distinct().Count());
        Assert.Equal(1_000, requests.SelectMany(r => r.MessageIds).Distinct().Count());
        Assert.Equal(new TrackingClientStatistics { Enqueued = 1_000, Sent = 1_000 }, harness.Statistics);
    }
}
