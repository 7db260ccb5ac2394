using Segmentation.Runtime.Configuration;
using Segmentation.Runtime.Durability;
using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

public sealed class DeferredSnapshotTests
{
    private static readonly GrainId Quiet = new("ledger", "quiet");
    private static readonly GrainId Busy = new("ledger", "busy");

    [Fact]
    public async Task PeriodicCheckpoint_GrainBelowItsThresholds_IsNotSnapshottedAndTheCheckpointStaysBelowIt()
    {
        await using var silo = await StartAsync();
        await AppendAsync(silo, "quiet", 0, 2);
        await AppendAsync(silo, "busy", 0, 3);

        await silo.PeriodicCheckpointAsync();

        Assert.Null(await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Quiet));
        Assert.NotNull(await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Busy));
        var quietRecords = await silo.Silo.Runtime.Storage.ReadGrainRecordsAsync(Quiet, null, 10);
        Assert.True(await silo.StoredCheckpointAsync(Quiet) < quietRecords.Min(static r => r.Offset));
    }

    [Fact]
    public async Task PeriodicCheckpoint_GrainNotDueWhileInsideATurn_IsDeferredWithoutWaitingForTheTurn()
    {
        await using var silo = await StartAsync();
        var probe = silo.Probe();
        await AppendAsync(silo, "quiet", 0, 1);
        await silo.WhenIdleAsync();
        await silo.AppendAsync("quiet", "gate", "held");
        await probe.WhenReachedAsync("held");

        // The grain's turn waits at the gate, so a checkpoint that asked the grain in a turn would wait with it.
        try
        {
            await silo.Silo.Runtime.Checkpoints.CheckpointAllAsync(SnapshotMode.Due).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Null(await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Quiet));
            var quietRecords = await silo.Silo.Runtime.Storage.ReadGrainRecordsAsync(Quiet, null, 10);
            Assert.True(await silo.StoredCheckpointAsync(Quiet) < quietRecords.Min(static r => r.Offset));
        }
        finally
        {
            probe.Open("held");
        }

        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await silo.PeriodicCheckpointAsync();
        Assert.Equal(["add:0", "gate:held"], await silo.LedgerAsync("quiet"));
        Assert.Equal((await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Quiet))!.AppliedOffset, await silo.StoredCheckpointAsync(Quiet));
    }

    [Fact]
    public async Task PeriodicCheckpoint_AfterMaxSnapshotDelay_SnapshotsTheQuietGrain()
    {
        await using var silo = await StartAsync();
        await AppendAsync(silo, "quiet", 0, 1);
        await silo.PeriodicCheckpointAsync();
        Assert.Null(await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Quiet));

        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await silo.PeriodicCheckpointAsync();

        var snapshot = await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Quiet);
        Assert.NotNull(snapshot);
        Assert.Equal(snapshot.AppliedOffset, await silo.StoredCheckpointAsync(Quiet));
    }

    [Fact]
    public async Task PeriodicCheckpoint_RecordsSmallerThanTheLastSnapshot_WaitUntilTheirBytesReachIt()
    {
        await using var silo = await StartAsync();
        await AppendAsync(silo, "busy", 0, 40);
        await silo.PeriodicCheckpointAsync();
        var first = await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Busy);
        Assert.NotNull(first);

        // Past SnapshotAfterRecords, but a few bytes against a snapshot of 40 entries: replaying them costs less.
        await AppendAsync(silo, "busy", 40, 45);
        await silo.PeriodicCheckpointAsync();
        Assert.Equal(first.AppliedOffset, (await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Busy))!.AppliedOffset);

        await silo.AppendAsync("busy", "add", new string('x', first.Data.Length));
        await silo.PeriodicCheckpointAsync();
        var second = await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Busy);
        Assert.True(second!.AppliedOffset > first.AppliedOffset);
        Assert.Equal(second.AppliedOffset, await silo.StoredCheckpointAsync(Busy));
    }

    [Fact]
    public async Task PeriodicCheckpoint_RecordsSmallerThanTheLastSnapshot_AreSnapshottedAfterMaxSnapshotDelay()
    {
        await using var silo = await StartAsync();
        await AppendAsync(silo, "busy", 0, 40);
        await silo.PeriodicCheckpointAsync();
        await AppendAsync(silo, "busy", 40, 45);
        await silo.PeriodicCheckpointAsync();

        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await silo.PeriodicCheckpointAsync();

        var snapshot = await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Busy);
        Assert.Equal(Expected(0, 45), await silo.LedgerAsync("busy"));
        Assert.Equal(snapshot!.AppliedOffset, await silo.StoredCheckpointAsync(Busy));
    }

    [Fact]
    public async Task RestartAsync_KilledWithDeferredSnapshots_RecoversExactlyTheUninterruptedState()
    {
        var silo = await StartAsync();
        for (var round = 0; round < 4; round++)
        {
            await AppendAsync(silo, "quiet", round, round + 1);
            await AppendAsync(silo, "busy", round * 5, (round + 1) * 5);
            await silo.PeriodicCheckpointAsync();
        }

        await AppendAsync(silo, "busy", 20, 22);
        silo = await silo.RestartAsync();
        await using var recovered = silo;

        Assert.Equal(Expected(0, 4), await silo.LedgerAsync("quiet"));
        Assert.Equal(Expected(0, 22), await silo.LedgerAsync("busy"));
    }

    [Fact]
    public async Task Stop_WithDeferredSnapshots_SnapshotsEveryChangedGrain()
    {
        var silo = await StartAsync();
        await AppendAsync(silo, "quiet", 0, 1);
        await silo.PeriodicCheckpointAsync();

        silo = await silo.StopAndRestartAsync();
        await using var restarted = silo;

        var snapshot = await silo.Silo.Runtime.Storage.ReadSnapshotAsync(Quiet);
        Assert.NotNull(snapshot);
        Assert.Equal(Expected(0, 1), await silo.LedgerAsync("quiet"));
    }

    [Fact]
    public async Task Stop_WithManyChangedGrains_WritesTheirSnapshotsInOneCheckpointPerPartition_NotOneEach()
    {
        var options = TestSilos.Options(Thresholds);
        var counter = InterceptingStorage.AttachTo(options);
        var silo = await TestSilo.StartAsync(options);
        var ledgers = Enumerable.Range(0, 40).Select(static i => $"ledger-{i}").ToList();
        foreach (var ledger in ledgers)
        {
            await silo.AppendAsync(ledger, "add", ledger);
        }

        await silo.PeriodicCheckpointAsync();
        var before = counter.CheckpointWrites;

        silo = await silo.StopAndRestartAsync();
        await using var restarted = silo;

        // Two passes over the 8 partitions (before the activations go, and after), against 40 more one by one.
        Assert.InRange(counter.CheckpointWrites - before, 1, 2 * 8);
        foreach (var ledger in ledgers)
        {
            Assert.NotNull(await silo.Silo.Runtime.Storage.ReadSnapshotAsync(new GrainId("ledger", ledger)));
            Assert.Equal([$"add:{ledger}"], await silo.LedgerAsync(ledger));
        }
    }

    private static void Thresholds(SiloOptions options)
    {
        options.SnapshotAfterRecords = 3;
        options.MaxSnapshotDelay = TimeSpan.FromMinutes(1);
    }

    private static Task<TestSilo> StartAsync() => TestSilos.StartAsync(Thresholds);

    private static async Task AppendAsync(TestSilo silo, string ledger, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            await silo.AppendAsync(ledger, "add", $"{i}");
        }
    }

    private static IEnumerable<string> Expected(int from, int to) => Enumerable.Range(from, to - from).Select(static i => $"add:{i}");
}
