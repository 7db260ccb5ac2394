using Segmentation.Runtime.Durability;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Tests.Grains;
using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

/// <summary>
/// Recovery reads only the index of the records after the checkpoints; a grain's records are read whole by the turn
/// that applies them. These tests check that every grain still gets all its records in log order, whoever reaches it,
/// and that a failed read of the bodies is reported and loses nothing.
/// </summary>
public sealed class CatchUpBodyReadTests
{
    private const string Gate = "catch-up";

    [Fact]
    public async Task Restart_InterleavedRecordsOfSeveralGrains_AppliesEachGrainsInLogOrder()
    {
        // Arrange: three grains' records interleaved in one partition, a few records in flight at a time.
        var options = Options(new GrainProbe(), inFlight: 4);
        var first = await TestSilo.StartAsync(options);
        for (var i = 1; i <= 20; i++)
        {
            foreach (var grain in (string[])["x", "y", "z"])
            {
                await first.AppendAsync(grain, "add", $"{grain}{i}");
            }
        }

        // Act
        await using var silo = await first.RestartAsync();

        // Assert
        foreach (var grain in (string[])["x", "y", "z"])
        {
            Assert.Equal(Enumerable.Range(1, 20).Select(i => $"add:{grain}{i}"), await silo.LedgerAsync(grain));
        }

        Assert.Equal(0, silo.Silo.RecordsToCatchUp);
    }

    [Fact]
    public async Task Call_DuringCatchUpToGrainsWithManyRecords_SeesEveryRecordInLogOrder()
    {
        // Arrange: the catch-up is held at a's gate (first in the log); b's and c's interleaved records wait behind it.
        var probe = new GrainProbe();
        var options = Options(probe, inFlight: 1);
        var first = await TestSilo.StartAsync(options);
        probe.Open(Gate);
        await first.AppendAsync("a", "gate", Gate);
        for (var i = 1; i <= 10; i++)
        {
            await first.AppendAsync("b", "add", $"b{i}");
            await first.AppendAsync("c", "add", $"c{i}");
        }

        probe.Close(Gate);
        options.WaitForCatchUp = false;
        await using var silo = await first.RestartAsync();
        await probe.WhenReachedAsync(Gate);

        try
        {
            // Act
            var c = await silo.LedgerAsync("c");
            var remaining = silo.Silo.RecordsToCatchUp;

            // Assert
            Assert.Equal(Enumerable.Range(1, 10).Select(i => $"add:c{i}"), c);
            Assert.Equal(11, remaining);
        }
        finally
        {
            probe.Open(Gate);
        }

        await silo.Silo.WhenCaughtUpAsync();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"add:b{i}"), await silo.LedgerAsync("b"));
    }

    [Fact]
    public async Task Restart_ReadsEveryPartitionsIndexOffTheThreadPool_SoTheHostStartsMeanwhile()
    {
        // Arrange
        var options = Options(new GrainProbe(), inFlight: 4);
        var reads = InterceptingStorage.AttachTo(options);
        var first = await TestSilo.StartAsync(options);
        foreach (var grain in (string[])["x", "y", "z"])
        {
            await first.AppendAsync(grain, "add", $"{grain}1");
        }

        var before = reads.IndexReads;

        // Act
        await using var silo = await first.RestartAsync();

        // Assert: one read per partition, none of them on a thread-pool thread; every record there.
        var after = reads.IndexReads;
        Assert.Equal(silo.Silo.Runtime.Partitions.Length, after.All - before.All);
        Assert.Equal(before.OnThePool, after.OnThePool);
        foreach (var grain in (string[])["x", "y", "z"])
        {
            Assert.Equal([$"add:{grain}1"], await silo.LedgerAsync(grain));
        }
    }

    [Fact]
    public async Task BodyReadFails_DuringCatchUp_FailsTheCatchUpAndTheCallsAndHoldsTheRecords()
    {
        // Arrange
        var probe = new GrainProbe();
        var options = Options(probe, inFlight: 1);
        var reads = InterceptingStorage.AttachTo(options);
        var first = await TestSilo.StartAsync(options);
        await first.AppendAsync("b", "add", "b1");
        await first.AppendAsync("b", "add", "b2");
        reads.Failing = true;
        options.WaitForCatchUp = false;
        await using var silo = await first.RestartAsync();

        // Act
        var call = () => silo.LedgerAsync("b").AsTask();
        var caughtUp = await silo.Silo.WaitUntilCaughtUpAsync(CancellationToken.None);

        // Assert: nothing was skipped: the records stay held, below every checkpoint.
        Assert.False(caughtUp);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Silo.WhenCaughtUpAsync());
        Assert.IsType<IOException>(failure.InnerException);
        Assert.Contains("ledger/b", failure.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(call);
        Assert.Equal(2, silo.Silo.RecordsToCatchUp);
        await silo.Silo.Runtime.Checkpoints.CheckpointAllAsync(SnapshotMode.All);
        Assert.Equal(0, await silo.StoredCheckpointAsync(LedgerId("b")));

        // Once the file reads again, the next call takes the held records again and sees them all.
        reads.Failing = false;
        Assert.Equal(["add:b1", "add:b2"], await silo.LedgerAsync("b"));
        Assert.Equal(0, silo.Silo.RecordsToCatchUp);
    }

    [Fact]
    public async Task BodyReadFails_ThenRestart_NextStartAppliesEveryRecord()
    {
        // Arrange
        var options = Options(new GrainProbe(), inFlight: 1);
        var reads = InterceptingStorage.AttachTo(options);
        var first = await TestSilo.StartAsync(options);
        await first.AppendAsync("b", "add", "b1");
        await first.AppendAsync("c", "add", "c1");
        reads.Failing = true;
        options.WaitForCatchUp = false;
        var failed = await first.RestartAsync();
        Assert.False(await failed.Silo.WaitUntilCaughtUpAsync(CancellationToken.None));
        await failed.Silo.StopAsync(CancellationToken.None);

        // Act
        reads.Failing = false;
        options.WaitForCatchUp = true;
        await using var restarted = await failed.RestartAsync();

        // Assert
        Assert.Equal(["add:b1"], await restarted.LedgerAsync("b"));
        Assert.Equal(["add:c1"], await restarted.LedgerAsync("c"));
    }

    private static TestSiloOptions Options(GrainProbe probe, int inFlight) =>
        TestSilos.Options(
            o =>
            {
                o.PartitionCount = 1;
                o.CatchUpRecordsInFlight = inFlight;
            },
            probe);

    private static GrainId LedgerId(string key) => new("ledger", key);
}
