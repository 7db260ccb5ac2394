using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Segmentation.Grains;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using Segmentation.Runtime.Hosting;
using Segmentation.Storage.InMemory;
using Segmentation.Storage.Sqlite;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// Event to segment count, end to end in one process: a silo on SQLite (fsync per group commit) or in memory, with
/// 101 active segments, background tracking load on 10,000 other customers, and probes: each probe appends one event
/// for a new customer through <see cref="CustomerDirectory"/> and waits until the probe segment's count includes it
/// (durable append, customer turn, evaluation of every segment, durable delta, segment turn). Prints p50, p99, max.
/// </summary>
public static class SegmentLatencyReport
{
    private const string ProbeSegment = "latency-probe";
    private const string ProbeEvent = "Latency Probe";

    public static async Task RunAsync(int probes, int loadPerSecond, bool sqlite)
    {
        var directory = Directory.CreateTempSubdirectory("segmentation-bench-").FullName;
        try
        {
            using var host = await StartAsync(sqlite ? directory : null);
            var segments = host.Services.GetRequiredService<SegmentDirectory>();
            foreach (var draft in BenchSegments.Drafts().Where(static d => d.Id!.StartsWith("bench-", StringComparison.Ordinal)))
            {
                await segments.CreateAsync(draft);
            }

            await segments.CreateAsync(new SegmentDraft(ProbeSegment, "Latency probe", $"count(\"{ProbeEvent}\") > 0"));
            using var stop = new CancellationTokenSource();
            var load = LoadAsync(host.Services.GetRequiredService<CustomerDirectory>(), loadPerSecond, stop.Token);
            var (pauses, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
            var latencies = await ProbeAsync(host.Services, probes);
            await stop.CancelAsync();
            var loaded = await load;
            Report(latencies, loaded, sqlite ? "SQLite, fsync per commit" : "in-memory storage");
            Console.WriteLine($"  GC meanwhile: {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms paused, {GC.CollectionCount(2) - collections} full collections");
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A silo host on SQLite in <paramref name="dataDirectory"/>, or in memory when it is null.</summary>
    private static async Task<IHost> StartAsync(string? dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSegmentationSilo()
            .UseStorage(_ => dataDirectory is null
                ? new InMemorySiloStorage()
                : new SqliteSiloStorage(new SqliteStorageOptions { DataDirectory = dataDirectory }))
            .AddCustomerProfiles();
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<Silo>().WhenReadyAsync();
        await host.Services.GetRequiredService<SegmentDefinitionsCache>().EnsureLoadedAsync();
        return host;
    }

    private static async Task<List<double>> ProbeAsync(IServiceProvider services, int probes)
    {
        var customers = services.GetRequiredService<CustomerDirectory>();
        var segment = services.GetRequiredService<IClusterClient>().GetGrain<SegmentGrain>(ProbeSegment);
        var latencies = new List<double>(probes);
        for (var i = 0; i < probes; i++)
        {
            var probe = BenchSegments.Track($"probe-{i:D6}", ProbeEvent, DateTimeOffset.UtcNow, null);
            var started = Stopwatch.GetTimestamp();
            await customers.AppendAsync([probe]);
            while ((await segment.InvokeReadOnlyAsync(static g => g.GetStatusAsync())).Count <= i)
            {
                await Task.Yield();
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await Task.Delay(5);
        }

        return latencies;
    }

    /// <summary>Appends batches of 100 shopper events to 10,000 customers at about <paramref name="perSecond"/>; returns how many.</summary>
    private static async Task<long> LoadAsync(CustomerDirectory customers, int perSecond, CancellationToken cancellationToken)
    {
        const int Batch = 100;
        var random = new Random(11);
        var templates = BenchSegments.History("template", DateTimeOffset.UtcNow).ToArray();
        var stopwatch = Stopwatch.StartNew();
        long sent = 0;
        while (!cancellationToken.IsCancellationRequested && perSecond > 0)
        {
            var now = DateTimeOffset.UtcNow;
            var batch = new TrackingMessage[Batch];
            for (var i = 0; i < Batch; i++)
            {
                var template = templates[random.Next(templates.Length)];
                batch[i] = template with
                {
                    MessageId = Guid.NewGuid().ToString("N"),
                    UserId = $"shopper-{random.Next(10_000):D5}",
                    Timestamp = now,
                    ReceivedAt = now,
                };
            }

            await customers.AppendAsync(batch, CancellationToken.None);
            sent += Batch;
            var ahead = TimeSpan.FromSeconds(sent / (double)perSecond) - stopwatch.Elapsed;
            if (ahead > TimeSpan.Zero)
            {
                await Task.Delay(ahead, CancellationToken.None);
            }
        }

        return (long)(sent / stopwatch.Elapsed.TotalSeconds);
    }

    private static void Report(List<double> latencies, long loadRate, string storage)
    {
        latencies.Sort();
        string Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)].ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"event -> segment count: {latencies.Count:N0} probes with 101 active segments, background load {loadRate:N0} events/s ({storage})");
        Console.WriteLine($"  p50 {Percentile(0.50)} ms, p99 {Percentile(0.99)} ms, max {latencies[^1].ToString("F2", CultureInfo.InvariantCulture)} ms");
    }
}
