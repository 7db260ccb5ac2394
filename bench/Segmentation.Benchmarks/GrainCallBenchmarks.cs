using BenchmarkDotNet.Attributes;
using Segmentation.Benchmarks.Grains;
using Segmentation.Runtime;

namespace Segmentation.Benchmarks;

/// <summary>No-op grain messages through the runtime, on one core (process affinity 1).</summary>
[Config(typeof(SingleCoreConfig))]
public class GrainCallBenchmarks
{
    private const int Messages = 1_000_000;
    private const int Grains = 1_000;
    private BenchSilo _silo = null!;
    private GrainReference<NoOpGrain>[] _grains = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await BenchSilo.StartInMemoryAsync();
        _grains = [.. Enumerable.Range(0, Grains).Select(i => _silo.Client.GetGrain<NoOpGrain>($"grain-{i}"))];
        await Task.WhenAll(_grains.Select(static g => g.InvokeAsync(static grain => grain.PingAsync()).AsTask()));
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _silo.DisposeAsync();

    /// <summary>One-way messages spread over 1,000 activations, then one call each to wait for the queues to drain.</summary>
    [Benchmark(OperationsPerInvoke = Messages + Grains)]
    public async Task OneWay()
    {
        for (var i = 0; i < Messages; i++)
        {
            _grains[i % Grains].Post(static grain => grain.NoOpAsync());
        }

        await Task.WhenAll(_grains.Select(static g => g.InvokeAsync(static grain => grain.PingAsync()).AsTask()));
    }

    /// <summary>Request/response calls: 1,000 callers, each awaiting its answer before the next call.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task RequestResponse()
    {
        await Task.WhenAll(_grains.Select(static g => CallRepeatedlyAsync(g, Messages / Grains)));
    }

    private static async Task CallRepeatedlyAsync(GrainReference<NoOpGrain> grain, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await grain.InvokeAsync(static g => g.PingAsync());
        }
    }
}
