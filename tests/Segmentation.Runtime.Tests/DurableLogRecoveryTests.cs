using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

public sealed class DurableLogRecoveryTests
{
    [Fact]
    public async Task AppendAsync_Acknowledged_IsAppliedInOrder()
    {
        await using var silo = await TestSilos.StartAsync();

        for (var i = 0; i < 20; i++)
        {
            await silo.AppendAsync("l", "add", $"{i}");
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"add:{i}"), await silo.LedgerAsync("l"));
    }

    [Fact]
    public async Task AppendAsync_WithBody_HandsTheBodyToTheApplyAndAReplayDecodesThePayload()
    {
        var silo = await TestSilos.StartAsync();
        await silo.Client.AppendAsync([TestSilos.Message("l", "add", "a", silo.Clock.GetUtcNow()) with { Body = "a" }]);
        await silo.AppendAsync("l", "add", "b");
        Assert.Equal(["add:a", "add:b"], await silo.LedgerAsync("l"));
        Assert.Equal(["body:l:1"], silo.Probe().Events.Where(static e => e.StartsWith("body:", StringComparison.Ordinal)));

        silo = await silo.RestartAsync();
        await using var recovered = silo;

        Assert.Equal(["add:a", "add:b"], await silo.LedgerAsync("l"));
        Assert.Equal(0, silo.Probe().Count("body:"));
    }

    [Fact]
    public async Task RestartAsync_KilledBeforeAnyCheckpoint_ReplaysTheWholeLog()
    {
        var silo = await TestSilos.StartAsync();
        await AppendManyAsync(silo, 0, 30);

        silo = await silo.RestartAsync();
        await using var recovered = silo;

        Assert.Equal(Expected(0, 30), await silo.LedgerAsync("l"));
    }

    [Fact]
    public async Task RestartAsync_KilledBetweenAppendAndCheckpoint_RecoversExactlyTheUninterruptedState()
    {
        await using var uninterrupted = await TestSilos.StartAsync();
        await AppendManyAsync(uninterrupted, 0, 60);
        var silo = await TestSilos.StartAsync();
        await AppendManyAsync(silo, 0, 40);
        await silo.CheckpointAsync();

        await AppendManyAsync(silo, 40, 60);
        silo = await silo.RestartAsync();
        await using var recovered = silo;

        Assert.Equal(await uninterrupted.LedgerAsync("l"), await silo.LedgerAsync("l"));
        Assert.Equal(await uninterrupted.LedgerAsync("m"), await silo.LedgerAsync("m"));
    }

    [Fact]
    public async Task RestartAsync_SnapshotWrittenByCollectionAfterCheckpoint_NothingAppliedTwice()
    {
        var silo = await TestSilos.StartAsync(o => o.ActivationCollectionAge = TimeSpan.FromMinutes(1));
        await AppendManyAsync(silo, 0, 10);
        await silo.CheckpointAsync();
        await AppendManyAsync(silo, 10, 20);
        silo.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await silo.CollectAsync());

        silo = await silo.RestartAsync();
        await using var recovered = silo;

        Assert.Equal(Expected(0, 20), await silo.LedgerAsync("l"));
    }

    [Fact]
    public async Task StopAndRestartAsync_Graceful_KeepsEverythingAndReplaysNothing()
    {
        var silo = await TestSilos.StartAsync();
        await AppendManyAsync(silo, 0, 25);

        silo = await silo.StopAndRestartAsync();
        await using var restarted = silo;

        Assert.Equal(Expected(0, 25), await silo.LedgerAsync("l"));
        Assert.Equal(1, silo.Silo.ActivationCount);
    }

    [Fact]
    public async Task AppendAsync_AfterRecovery_ContinuesTheLogWithoutGaps()
    {
        var silo = await TestSilos.StartAsync();
        await AppendManyAsync(silo, 0, 5);
        await silo.CheckpointAsync();
        silo = await silo.RestartAsync();
        await AppendManyAsync(silo, 5, 10);

        silo = await silo.RestartAsync();
        await using var recovered = silo;

        Assert.Equal(Expected(0, 10), await silo.LedgerAsync("l"));
    }

    [Fact]
    public async Task AppendDurable_FromAGrain_ReachesTheTargetAndSurvivesACheckpointedRestartOnce()
    {
        var silo = await TestSilos.StartAsync();
        await silo.AppendAsync("source", "forward", "target|hello");
        await silo.WhenIdleAsync();
        Assert.Equal(["add:hello"], await silo.LedgerAsync("target"));
        await silo.CheckpointAsync();

        silo = await silo.RestartAsync();
        await using var recovered = silo;
        await silo.WhenIdleAsync();

        Assert.Equal(["add:hello"], await silo.LedgerAsync("target"));
        Assert.Equal(["forward:target|hello"], await silo.LedgerAsync("source"));
    }

    private static async Task AppendManyAsync(TestSilo silo, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            await silo.Client.AppendAsync(
            [
                TestSilos.Message("l", "add", $"{i}", silo.Clock.GetUtcNow()),
                TestSilos.Message("m", "add", $"{i * 2}", silo.Clock.GetUtcNow()),
            ]);
        }

        await silo.WhenIdleAsync();
    }

    private static IEnumerable<string> Expected(int from, int to) => Enumerable.Range(from, to - from).Select(i => $"add:{i}");
}
