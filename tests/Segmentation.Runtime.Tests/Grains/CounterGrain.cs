namespace Segmentation.Runtime.Tests.Grains;

/// <summary>A plain grain with in-memory state; it reports its life and its turns to the probe.</summary>
[GrainType("counter")]
public sealed class CounterGrain(GrainProbe probe) : Grain
{
    private int _value;

    public override ValueTask OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{GrainId.Key}");
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{GrainId.Key}:{reason}");
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads, yields, writes: interleaved turns would lose increments.</summary>
    public async ValueTask<int> IncrementAsync()
    {
        probe.Enter();
        var value = _value;
        await Task.Yield();
        _value = value + 1;
        probe.Leave();
        return _value;
    }

    public async ValueTask<int> HoldAsync(string gate)
    {
        probe.Enter();
        await probe.WaitAtGateAsync(gate);
        probe.Leave();
        return ++_value;
    }

    public async ValueTask<int> ReadHoldingAsync(string gate)
    {
        probe.Enter();
        await probe.WaitAtGateAsync(gate);
        probe.Leave();
        return _value;
    }

    public ValueTask<int> GetAsync() => ValueTask.FromResult(_value);

    public ValueTask RequestDeactivationAsync()
    {
        DeactivateOnIdle();
        return ValueTask.CompletedTask;
    }

    public ValueTask StartTimerAsync(TimeSpan dueTime, TimeSpan period)
    {
        RegisterTimer(
            _ =>
            {
                probe.Record($"tick:{GrainId.Key}:{TimeProvider.GetUtcNow():O}");
                return ValueTask.CompletedTask;
            },
            dueTime,
            period);
        return ValueTask.CompletedTask;
    }

    public ValueTask FailAsync() => throw new InvalidOperationException("grain method failed");
}
