using Segmentation.Runtime;

namespace Segmentation.Benchmarks.Grains;

/// <summary>A grain whose only method does nothing: what is measured is the runtime around it.</summary>
[GrainType("noop")]
public sealed class NoOpGrain : Grain
{
    public ValueTask NoOpAsync() => ValueTask.CompletedTask;

    public ValueTask<int> PingAsync() => ValueTask.FromResult(1);
}
