using Segmentation.Delivery.Dispatch;
using Segmentation.Delivery.Sends;
using Segmentation.Delivery.Tests.Infrastructure;
using Segmentation.TestKit;

namespace Segmentation.Delivery.Tests;

/// <summary>The endpoint's concurrency and rate limits.</summary>
public sealed class DispatchLimitTests
{
    [Fact]
    public async Task RateLimit_NeverMoreRequestsInOneSecondThanAllowed()
    {
        // Arrange: 2 per second, 6 sends of 6 customers due at once.
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(static settings => settings["Segmentation:Delivery:RateLimitPerSecond"] = "2");
        var start = rig.Clock.GetUtcNow();
        var intents = Enumerable.Range(1, 6).Select(i => Intents.Cart($"u-{i}", "cart-1", start)).ToArray();

        // Act
        await rig.Silo.AppendAsync(intents);
        await rig.Receiver.WaitForRequestAsync(2, guard.Token);
        await rig.Silo.Silo.AdvanceAsync(TimeSpan.FromSeconds(1));
        await rig.Receiver.WaitForRequestAsync(4, guard.Token);
        await rig.Silo.Silo.AdvanceAsync(TimeSpan.FromSeconds(1));
        await rig.Receiver.WaitForRequestAsync(6, guard.Token);
        await Task.WhenAll(intents.Select(intent => rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token)));

        // Assert: two in each second of the fake clock.
        Assert.Equal(
            [(start, 2), (start.AddSeconds(1), 2), (start.AddSeconds(2), 2)],
            rig.Receiver.Requests.GroupBy(static r => r.ReceivedAt).OrderBy(static g => g.Key).Select(static g => (g.Key, g.Count())));
    }

    [Fact]
    public async Task Concurrency_NeverMoreRequestsInFlightThanAllowed()
    {
        // Arrange: 2 at once; the receiver holds every request until the test lets it answer.
        using var guard = HangGuard.Start();
        await using var rig = await DeliveryRig.StartAsync(static settings => settings["Segmentation:Delivery:MaxConcurrency"] = "2");
        var gates = Enumerable.Range(0, 5).Select(static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        rig.Receiver.Script(null, [.. gates.Select(static gate => ReceiverAnswer.After(gate.Task))]);
        var intents = Enumerable.Range(1, 5).Select(i => Intents.Cart($"u-{i}", "cart-1", rig.Clock.GetUtcNow())).ToArray();

        // Act: release one request each time the next one arrives.
        await rig.Silo.AppendAsync(intents);
        await rig.Receiver.WaitForRequestAsync(2, guard.Token);
        for (var next = 3; next <= 5; next++)
        {
            gates[next - 3].SetResult();
            await rig.Receiver.WaitForRequestAsync(next, guard.Token);
        }

        foreach (var gate in gates)
        {
            gate.TrySetResult();
        }

        await Task.WhenAll(intents.Select(intent => rig.Silo.WaitForAsync(intent.SendId, static s => s.Status == SendStatus.Delivered, guard.Token)));

        // Assert
        Assert.Equal(2, rig.Receiver.MaxInFlight);
        Assert.Equal(5, rig.Receiver.Requests.Count);
    }

    [Fact]
    public async Task Limiter_ThirdRequestOverTheConcurrencyLimit_WaitsForASlot()
    {
        // Arrange
        await using var limiter = new EndpointLimiter(new DeliveryOptions { MaxConcurrency = 2 }, new FakeTimeProvider());
        using var first = await limiter.AcquireAsync(CancellationToken.None);
        var second = await limiter.AcquireAsync(CancellationToken.None);

        // Act
        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();

        // Assert
        Assert.False(third.IsCompleted);
        second.Dispose();
        using var acquired = await third;
        Assert.True(acquired.IsAcquired);
    }

    [Fact]
    public async Task Limiter_RateLimit_NextTokenOnlyWhenTheClockMovesOneSecond()
    {
        // Arrange
        var clock = new FakeTimeProvider();
        await using var limiter = new EndpointLimiter(new DeliveryOptions { MaxConcurrency = 10, RateLimitPerSecond = 2 }, clock);
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();
        (await limiter.AcquireAsync(CancellationToken.None)).Dispose();

        // Act
        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();
        var beforeTheSecond = third.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var justBefore = third.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var lease = await third;

        // Assert
        Assert.False(beforeTheSecond);
        Assert.False(justBefore);
        Assert.True(lease.IsAcquired);
    }
}
