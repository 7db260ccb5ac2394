using Segmentation.Runtime.Tests.Grains;

namespace Segmentation.Runtime.Tests;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task InvokeAsync_ManyConcurrentCalls_NeverInterleave()
    {
        await using var silo = await TestSilos.StartAsync();
        var grain = silo.Client.GetGrain<CounterGrain>("c");

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => grain.InvokeAsync(g => g.IncrementAsync()).AsTask()));

        Assert.Equal(500, await grain.InvokeAsync(g => g.GetAsync()));
        Assert.Equal(Enumerable.Range(1, 500), results.Order());
        Assert.Equal(1, silo.Probe().MaxConcurrentTurns);
    }

    [Fact]
    public async Task InvokeAsync_WhileATurnIsSuspended_NextTurnWaits()
    {
        await using var silo = await TestSilos.StartAsync();
        var grain = silo.Client.GetGrain<CounterGrain>("c");
        var probe = silo.Probe();

        var held = grain.InvokeAsync(g => g.HoldAsync("first")).AsTask();
        await probe.WhenReachedAsync("first");
        var queued = grain.InvokeAsync(g => g.IncrementAsync()).AsTask();
        await Task.Yield();

        Assert.False(queued.IsCompleted);
        probe.Open("first");
        Assert.Equal(1, await held);
        Assert.Equal(2, await queued);
    }

    [Fact]
    public async Task InvokeReadOnlyAsync_TwoReaders_RunTogetherButNotWithAWriter()
    {
        await using var silo = await TestSilos.StartAsync();
        var grain = silo.Client.GetGrain<CounterGrain>("c");
        var probe = silo.Probe();

        // An exclusive turn holds the grain, so the two readers and the writer queue behind it in that order.
        var holder = grain.InvokeAsync(g => g.HoldAsync("holder")).AsTask();
        await probe.WhenReachedAsync("holder");
        var first = grain.InvokeReadOnlyAsync(g => g.ReadHoldingAsync("readers")).AsTask();
        var second = grain.InvokeReadOnlyAsync(g => g.ReadHoldingAsync("readers")).AsTask();
        var writer = grain.InvokeAsync(g => g.IncrementAsync()).AsTask();
        probe.Open("holder");
        await holder;
        while (probe.MaxConcurrentTurns < 2)
        {
            await Task.Yield();
        }

        Assert.False(writer.IsCompleted);
        probe.Open("readers");
        var readValues = await Task.WhenAll(first, second);
        Assert.Equal(new[] { 1, 1 }, readValues);
        Assert.Equal(2, await writer);
    }

    [Fact]
    public async Task InvokeAsync_GrainMethodThrows_CallerGetsTheExceptionAndGrainKeepsServing()
    {
        await using var silo = await TestSilos.StartAsync();
        var grain = silo.Client.GetGrain<CounterGrain>("c");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.InvokeAsync(g => g.FailAsync()).AsTask());

        Assert.Equal("grain method failed", exception.Message);
        Assert.Equal(1, await grain.InvokeAsync(g => g.IncrementAsync()));
    }

    [Fact]
    public async Task Post_OneWayCalls_RunInOrderOnTheGrain()
    {
        await using var silo = await TestSilos.StartAsync();
        var grain = silo.Client.GetGrain<CounterGrain>("c");

        for (var i = 0; i < 100; i++)
        {
            grain.Post(async g => await g.IncrementAsync());
        }

        Assert.Equal(100, await grain.InvokeAsync(g => g.GetAsync()));
    }

    [Fact]
    public async Task InvokeAsync_NoAnswerWithinResponseTimeout_ThrowsTimeout()
    {
        await using var silo = await TestSilos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        var grain = silo.Client.GetGrain<CounterGrain>("c");
        var probe = silo.Probe();

        var call = grain.InvokeAsync(g => g.HoldAsync("stuck")).AsTask();
        await probe.WhenReachedAsync("stuck");
        silo.Clock.Advance(TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("counter/c", exception.Message, StringComparison.Ordinal);
        probe.Open("stuck");
    }
}
