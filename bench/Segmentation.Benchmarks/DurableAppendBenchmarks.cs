using BenchmarkDotNet.Attributes;
using Segmentation.Runtime;

namespace Segmentation.Benchmarks;

/// <summary>
/// Small durable appends to SQLite (synchronous=FULL, one fsync per group commit) from 64 concurrent writers,
/// each append acknowledged only once on disk; records are applied to 10,000 log-fed grains.
/// </summary>
[Config(typeof(TwoCoreConfig))]
public class DurableAppendBenchmarks
{
    private const int Records = 200_000;
    private const int Writers = 64;
    private const int Keys = 10_000;
    private static readonly byte[] Payload = new byte[120];
    private BenchSilo _silo = null!;

    /// <summary>Messages per append call: 1 (one event per request) or 100 (a tracking batch).</summary>
    [Params(1, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync() => _silo = await BenchSilo.StartSqliteAsync(BenchSilo.NewDataDirectory());

    [GlobalCleanup]
    public async Task CleanupAsync() => await _silo.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Records)]
    public async Task Append()
    {
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(WriteAsync));
        await _silo.Silo.Runtime.WhenAppliedAsync();
    }

    private async Task WriteAsync(int writer)
    {
        var perWriter = Records / Writers;
        var time = DateTimeOffset.UtcNow;
        for (var sent = 0; sent < perWriter; sent += BatchSize)
        {
            var batch = new DurableMessage[BatchSize];
            for (var i = 0; i < BatchSize; i++)
            {
                var key = ((writer * perWriter) + sent + i) % Keys;
                batch[i] = new DurableMessage(new GrainId("sink", $"customer-{key}"), "event", Payload, time);
            }

            await _silo.Client.AppendAsync(batch);
        }
    }
}
