using Segmentation.TestKit;
using Segmentation.Runtime.Tests.Grains;

namespace Segmentation.Runtime.Tests;

public sealed class ActivationCollectionTests
{
    [Fact]
    public async Task CollectAsync_IdleLongerThanAge_DeactivatesAndNextCallReactivates()
    {
        await using var silo = await TestSilos.StartAsync(o => o.ActivationCollectionAge = TimeSpan.FromMinutes(15));
        var grain = silo.Client.GetGrain<CounterGrain>("c");
        await grain.InvokeAsync(g => g.IncrementAsync());

        silo.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await silo.CollectAsync());
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await silo.CollectAsync());

        Assert.Equal(0, silo.Silo.ActivationCount);
        Assert.Equal(0, await grain.InvokeAsync(g => g.GetAsync()));
        Assert.Equal(["activate:c", "deactivate:c:IdleTooLong", "activate:c"], silo.Probe().Events);
    }

    [Fact]
    public async Task CollectAsync_WhileCallsAreQueued_LosesNone()
    {
        await using var silo = await TestSilos.StartAsync(o =>
        {
            o.ActivationCollectionAge = TimeSpan.FromMinutes(1);
            o.ResponseTimeout = TimeSpan.FromHours(1);
        });
        var grain = silo.Client.GetGrain<CounterGrain>("c");
        var probe = silo.Probe();
        var held = grain.InvokeAsync(g => g.HoldAsync("busy")).AsTask();
        await probe.WhenReachedAsync("busy");
        var queued = Enumerable.Range(0, 50).Select(_ => grain.InvokeAsync(g => g.IncrementAsync()).AsTask()).ToList();

        silo.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await silo.CollectAsync());
        probe.Open("busy");
        await held;
        await Task.WhenAll(queued);

        Assert.Equal(51, await grain.InvokeAsync(g => g.GetAsync()));
        Assert.Equal(1, probe.Count("activate:"));
    }

    [Fact]
    public async Task DeactivateOnIdle_WithCallsQueuedBehind_AllRunThenANewActivationServes()
    {
        await using var silo = await TestSilos.StartAsync();
        var grain = silo.Client.GetGrain<CounterGrain>("c");
        var probe = silo.Probe();
        var held = grain.InvokeAsync(g => g.HoldAsync("busy")).AsTask();
        await probe.WhenReachedAsync("busy");
        var request = grain.InvokeAsync(g => g.RequestDeactivationAsync()).AsTask();
        var queued = Enumerable.Range(0, 20).Select(_ => grain.InvokeAsync(g => g.IncrementAsync()).AsTask()).ToList();

        probe.Open("busy");
        await held;
        await request;
        var results = await Task.WhenAll(queued);

        Assert.Equal(Enumerable.Range(2, 20), results);
        Assert.Equal(1, probe.Count("deactivate:c:Requested"));
        Assert.Equal(0, await grain.InvokeAsync(g => g.GetAsync()));
        Assert.Equal(2, probe.Count("activate:"));
    }

    [Fact]
    public async Task CollectAsync_OverTheCap_CollectsLeastRecentlyUsedFirst()
    {
        await using var silo = await TestSilos.StartAsync(o => o.MaxActivations = 3);
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            await silo.Client.GetGrain<CounterGrain>(key).InvokeAsync(g => g.IncrementAsync());
            silo.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await silo.Client.GetGrain<CounterGrain>("a").InvokeAsync(g => g.IncrementAsync());

        Assert.Equal(2, await silo.CollectAsync());
        Assert.Equal(3, silo.Silo.ActivationCount);
        Assert.Equal(1, silo.Probe().Count("deactivate:b:CapacityExceeded"));
        Assert.Equal(1, silo.Probe().Count("deactivate:c:CapacityExceeded"));
    }

    [Fact]
    public async Task Timer_TicksAtEachPeriod_AndDiesWithTheActivation()
    {
        await using var silo = await TestSilos.StartAsync(o => o.ActivationCollectionAge = TimeSpan.FromMinutes(1));
        var grain = silo.Client.GetGrain<CounterGrain>("t");
        var start = silo.Clock.GetUtcNow();
        await grain.InvokeAsync(g => g.StartTimerAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));

        for (var i = 0; i < 3; i++)
        {
            // Each tick is a turn; the next is counted from its end, so let it run before moving on.
            silo.Clock.Advance(TimeSpan.FromSeconds(10));
            await grain.InvokeAsync(g => g.GetAsync());
        }

        // The clock passes the fourth tick and the collection age at once; collection waits for that tick's turn.
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await silo.Probe().WhenCountAsync("tick:", 4);
        await CollectOnceIdleAsync(silo);
        silo.Clock.Advance(TimeSpan.FromMinutes(5));

        var ticks = silo.Probe().Events.Where(e => e.StartsWith("tick:", StringComparison.Ordinal)).Take(3).ToList();
        Assert.Equal(
            [$"tick:t:{start.AddSeconds(10):O}", $"tick:t:{start.AddSeconds(20):O}", $"tick:t:{start.AddSeconds(30):O}"],
            ticks);
        Assert.Equal(4, silo.Probe().Count("tick:"));
        Assert.Equal(0, silo.Silo.ActivationCount);
    }

    private static async Task CollectOnceIdleAsync(TestSilo silo)
    {
        // A timer turn may still be finishing; a busy activation is skipped, so try until it is idle.
        for (var attempt = 0; attempt < 100_000; attempt++)
        {
            if (await silo.CollectAsync() > 0)
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail("The activation never became idle.");
    }
}
