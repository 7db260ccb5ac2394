using Segmentation.Runtime.Tests.Grains;

namespace Segmentation.Runtime.Tests;

public sealed class BatchCallTests
{
    private static readonly string[] Keys = ["a", "b", "c"];

    [Fact]
    public async Task InvokeEachAsync_ActiveIdleGrains_RunAtOnceOnTheCallingThread()
    {
        await using var silo = await TestSilos.StartAsync();
        foreach (var key in Keys)
        {
            await silo.Client.GetGrain<CounterGrain>(key).InvokeAsync(static g => g.IncrementAsync());
        }

        var answers = new (int Value, int Thread)[Keys.Length];
        var caller = Environment.CurrentManagedThreadId;

        var batch = silo.Client.InvokeEachAsync<CounterGrain, (int, int)[]>(Keys, answers, static async (grain, i, state) =>
            state[i] = (await grain.GetAsync(), Environment.CurrentManagedThreadId));

        Assert.True(batch.IsCompletedSuccessfully);
        Assert.Equal([(1, caller), (1, caller), (1, caller)], answers);
    }

    [Fact]
    public async Task InvokeEachAsync_GrainsBusyOrNotActive_QueueTheirTurnAndCompleteWhenAllRan()
    {
        await using var silo = await TestSilos.StartAsync();
        var probe = silo.Probe();
        var held = silo.Client.GetGrain<CounterGrain>("a").InvokeAsync(static g => g.HoldAsync("gate")).AsTask();
        await probe.WhenReachedAsync("gate");
        var answers = new int[Keys.Length];

        var batch = silo.Client.InvokeEachAsync<CounterGrain, int[]>(Keys, answers, static async (grain, i, state) => state[i] = await grain.IncrementAsync());
        await probe.WhenCountAsync("activate:c", 1);

        Assert.False(batch.IsCompleted);
        probe.Open("gate");
        await batch;
        Assert.Equal([2, 1, 1], answers);
        Assert.Equal(1, await held);
    }

    [Fact]
    public async Task InvokeEachAsync_SomeRunAtOnceAndOneIsBusy_CompletesOnlyOnceTheBusyOneRan()
    {
        await using var silo = await TestSilos.StartAsync();
        foreach (var key in Keys)
        {
            await silo.Client.GetGrain<CounterGrain>(key).InvokeAsync(static g => g.IncrementAsync());
        }

        var probe = silo.Probe();
        var held = silo.Client.GetGrain<CounterGrain>("b").InvokeAsync(static g => g.HoldAsync("gate")).AsTask();
        await probe.WhenReachedAsync("gate");
        var answers = new int[Keys.Length];

        var batch = silo.Client.InvokeEachAsync<CounterGrain, int[]>(Keys, answers, static async (grain, i, state) => state[i] = await grain.GetAsync());

        Assert.Equal([1, 0, 1], answers);
        Assert.False(batch.IsCompleted);
        probe.Open("gate");
        await batch;
        Assert.Equal([1, 2, 1], answers);
        Assert.Equal(2, await held);
    }

    [Fact]
    public async Task InvokeEachAsync_ACallThrows_FailsWithItsExceptionOnceEveryCallRan()
    {
        await using var silo = await TestSilos.StartAsync();
        var answers = new int[Keys.Length];

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Client.InvokeEachAsync<CounterGrain, int[]>(
            Keys, answers, static async (grain, i, state) => state[i] = i == 1 ? throw new InvalidOperationException("no") : await grain.IncrementAsync()));

        Assert.Equal("no", failure.Message);
        Assert.Equal([1, 0, 1], answers);
    }
}
