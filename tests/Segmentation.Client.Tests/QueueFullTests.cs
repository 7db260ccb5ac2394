using Segmentation.Client.Tests.Infrastructure;

namespace Segmentation.Client.Tests;

public sealed class QueueFullTests
{
    [Fact]
    public async Task DropNewest_RefusesNewMessages_AndKeepsTheQueuedOnes()
    {
        await using var harness = await ClientHarness.StartAsync(o => o.MaxQueueSize = 3);

        var accepted = Enumerable.Range(1, 5)
            .Select(i => harness.Client.Track(TrackingIdentity.ForUser("user-1"), $"Event {i}"))
            .ToList();

        Assert.Equal([true, true, true, false, false], accepted);
        Assert.Equal(new TrackingClientStatistics { Enqueued = 3, Dropped = 2, Queued = 3 }, harness.Statistics);

        await harness.Client.FlushAsync().Guarded();

        Assert.Equal(["Event 1", "Event 2", "Event 3"], harness.Receiver.Requests.Single().EventNames);
        Assert.Equal(new TrackingClientStatistics { Enqueued = 3, Dropped = 2, Sent = 3 }, harness.Statistics);
        Assert.Single(harness.Logger.Entries, e => e.Contains("queue is full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DropOldest_EvictsTheOldestMessages_AndAcceptsTheNewOnes()
    {
        await using var harness = await ClientHarness.StartAsync(o =>
        {
            o.MaxQueueSize = 3;
            o.QueueFullPolicy = QueueFullPolicy.DropOldest;
        });

        var accepted = Enumerable.Range(1, 5)
            .Select(i => harness.Client.Track(TrackingIdentity.ForUser("user-1"), $"Event {i}"))
            .ToList();

        Assert.All(accepted, Assert.True);
        Assert.Equal(new TrackingClientStatistics { Enqueued = 5, Dropped = 2, Queued = 3 }, harness.Statistics);

        await harness.Client.FlushAsync().Guarded();

        Assert.Equal(["Event 3", "Event 4", "Event 5"], harness.Receiver.Requests.Single().EventNames);
        Assert.Equal(new TrackingClientStatistics { Enqueued = 5, Dropped = 2, Sent = 3 }, harness.Statistics);
    }

    [Fact]
    public void DefaultPolicy_IsDropNewest()
    {
        Assert.Equal(QueueFullPolicy.DropNewest, new TrackingClientOptions().QueueFullPolicy);
    }
}
