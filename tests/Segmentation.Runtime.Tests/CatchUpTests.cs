using Segmentation.Runtime.Durability;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Tests.Grains;
using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

/// <summary>
/// A restarted silo serves before it has applied the records after its checkpoint. One partition, so the log order is
/// total: b's two records (offsets 1-2), a "gate" record to a (3), c's two records (4-5). With one record in flight, the
/// catch-up applies b's, then stops at a's gate, which the test holds closed; c's records are still unapplied.
/// </summary>
public sealed class CatchUpTests
{
    private const string Gate = "catch-up";

    [Fact]
    public async Task Call_ToGrainWithUnreplayedRecords_SeesThemAppliedFirst()
    {
        await using var held = await StartHeldAsync();
        var (silo, probe) = (held.Silo, held.Probe);

        Assert.Equal(SiloStatus.Ready, silo.Silo.Status);
        Assert.False(silo.Silo.IsCaughtUp);
        Assert.Equal(3, silo.Silo.RecordsToCatchUp);
        Assert.Equal(["add:c1", "add:c2"], await silo.LedgerAsync("c"));
        Assert.Equal(1, silo.Silo.RecordsToCatchUp);

        probe.Open(Gate);
        await silo.Silo.WhenCaughtUpAsync();

        Assert.Equal(0, silo.Silo.RecordsToCatchUp);
        Assert.True(silo.Silo.IsCaughtUp);
        Assert.Equal(["gate:catch-up"], await silo.LedgerAsync("a"));
        Assert.Equal(["add:b1", "add:b2"], await silo.LedgerAsync("b"));
        Assert.Equal(["add:c1", "add:c2"], await silo.LedgerAsync("c"));
    }

    [Fact]
    public async Task Append_ToGrainWithUnreplayedRecords_AppliesThemBeforeTheNewRecord()
    {
        await using var held = await StartHeldAsync();
        var (silo, probe) = (held.Silo, held.Probe);

        await silo.AppendAsync("c", "add", "c3");
        silo.Client.GetGrain<LedgerGrain>("c").Post(static _ => ValueTask.CompletedTask);

        Assert.Equal(["add:c1", "add:c2", "add:c3"], await silo.LedgerAsync("c"));
        probe.Open(Gate);
        await silo.Silo.WhenCaughtUpAsync();
        Assert.Equal(["add:c1", "add:c2", "add:c3"], await silo.LedgerAsync("c"));
    }

    [Fact]
    public async Task Checkpoint_DuringCatchUp_StaysBelowTheFirstUnappliedRecord()
    {
        await using var held = await StartHeldAsync();
        var (silo, probe) = (held.Silo, held.Probe);
        var checkpoints = silo.Silo.Runtime.Checkpoints;

        await checkpoints.CheckpointAllAsync(SnapshotMode.All);
        var whileHeld = await silo.StoredCheckpointAsync(LedgerId("b"));
        await silo.AppendAsync("c", "add", "c3");
        await checkpoints.CheckpointAllAsync(SnapshotMode.All);
        var afterLaterRecords = await silo.StoredCheckpointAsync(LedgerId("b"));
        probe.Open(Gate);
        await silo.Silo.WhenCaughtUpAsync();
        await silo.CheckpointAsync();

        Assert.Equal(2, whileHeld);
        Assert.Equal(2, afterLaterRecords);
        Assert.Equal(6, await silo.StoredCheckpointAsync(LedgerId("b")));
    }

    [Fact]
    public async Task Stop_DuringCatchUp_LeavesTheRestForTheNextStartAndAppliesNothingTwice()
    {
        await using var held = await StartHeldAsync();
        var (silo, probe) = (held.Silo, held.Probe);
        await silo.AppendAsync("b", "add", "b3");

        var stopping = silo.Silo.StopAsync(CancellationToken.None);
        probe.Open(Gate);
        await stopping;
        var caughtUp = await silo.Silo.WaitUntilCaughtUpAsync(CancellationToken.None);
        held.Options.WaitForCatchUp = true;
        await using var restarted = await silo.StopAndRestartAsync();

        Assert.False(caughtUp);
        Assert.Equal(3, await restarted.StoredCheckpointAsync(LedgerId("b")));
        Assert.Equal(["gate:catch-up"], await restarted.LedgerAsync("a"));
        Assert.Equal(["add:b1", "add:b2", "add:b3"], await restarted.LedgerAsync("b"));
        Assert.Equal(["add:c1", "add:c2"], await restarted.LedgerAsync("c"));
    }

    [Fact]
    public async Task Kill_DuringCatchUp_NextRecoveryReplaysWhatTheCheckpointDoesNotCover()
    {
        await using var held = await StartHeldAsync();
        var (silo, probe) = (held.Silo, held.Probe);
        Assert.Equal(["add:c1", "add:c2"], await silo.LedgerAsync("c"));
        await silo.AppendAsync("c", "add", "c3");
        await silo.Silo.Runtime.Checkpoints.CheckpointAllAsync(SnapshotMode.All);

        probe.Open(Gate);
        held.Options.WaitForCatchUp = true;
        await using var restarted = await silo.RestartAsync();

        Assert.Equal(["gate:catch-up"], await restarted.LedgerAsync("a"));
        Assert.Equal(["add:b1", "add:b2"], await restarted.LedgerAsync("b"));
        Assert.Equal(["add:c1", "add:c2", "add:c3"], await restarted.LedgerAsync("c"));
    }

    [Fact]
    public async Task Reminders_AreLoadedOnlyOnceCaughtUp()
    {
        var probe = new GrainProbe();
        var options = Options(probe);
        var first = await TestSilo.StartAsync(options);
        probe.Open(Gate);
        var due = first.Clock.GetUtcNow().AddSeconds(5);
        await first.AppendAsync("r", "remind", $"ping|{due.UtcTicks}|0");
        await first.AppendAsync("a", "gate", Gate);
        probe.Close(Gate);
        options.WaitForCatchUp = false;

        await using var silo = await first.RestartAsync();
        await probe.WhenReachedAsync(Gate);
        var whileCatchingUp = (silo.Silo.InMemoryReminderCount, silo.Silo.Runtime.Reminders.EarliestDue());
        probe.Open(Gate);
        await silo.Silo.WhenCaughtUpAsync();
        var caughtUp = (silo.Silo.InMemoryReminderCount, silo.Silo.Runtime.Reminders.EarliestDue());
        await silo.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal((0, (DateTimeOffset?)null), whileCatchingUp);
        Assert.Equal((1, (DateTimeOffset?)due), caughtUp);
        Assert.Equal(["remind:ping|" + due.UtcTicks + "|0", "fired:ping@" + due.UtcTicks], await silo.LedgerAsync("r"));
    }

    /// <summary>Writes the log of the class summary, kills the silo, and restarts it held at a's gate.</summary>
    private static async Task<HeldSilo> StartHeldAsync()
    {
        var probe = new GrainProbe();
        var options = Options(probe);
        var first = await TestSilo.StartAsync(options);
        probe.Open(Gate);
        await first.AppendAsync("b", "add", "b1");
        await first.AppendAsync("b", "add", "b2");
        await first.AppendAsync("a", "gate", Gate);
        await first.AppendAsync("c", "add", "c1");
        await first.AppendAsync("c", "add", "c2");
        probe.Close(Gate);
        options.WaitForCatchUp = false;

        var silo = await first.RestartAsync();
        await probe.WhenReachedAsync(Gate);
        return new HeldSilo(silo, probe, options);
    }

    private static TestSiloOptions Options(GrainProbe probe) =>
        TestSilos.Options(
            static o =>
            {
                o.PartitionCount = 1;
                o.CatchUpRecordsInFlight = 1;
            },
            probe);

    private static GrainId LedgerId(string key) => new("ledger", key);

    /// <summary>A silo held at the gate; disposing it opens the gate first, so a failed assertion does not hang the stop.</summary>
    private sealed record HeldSilo(TestSilo Silo, GrainProbe Probe, TestSiloOptions Options) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            Probe.Open(Gate);
            return Silo.DisposeAsync();
        }
    }
}
