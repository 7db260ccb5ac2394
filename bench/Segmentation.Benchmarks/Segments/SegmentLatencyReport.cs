extern alias silo;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Grains.Segments;
using Segmentation.LoadGenerator.Sending;
using Segmentation.LoadGenerator.Serialization;
using Segmentation.LoadGenerator.Shoppers;
using silo::Segmentation.Silo.Hosting;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// Event to segment count, end to end over HTTP: the silo application as the silo process builds it (Production
/// settings, SQLite with its default fsync per group commit, Kestrel on a loopback port) with 101 active segments
/// (the 16 starters, the 84 of <see cref="BenchSegments"/> and the probe segment), request logging off (the probes
/// read the count every millisecond), background load of the load
/// generator's shoppers (10,000 customers) posted to <c>/v1/batch</c> by its sink in batches of 100 at a given rate, and probes:
/// each probe posts one <c>track</c> for a new customer to <c>/v1/track</c> and reads the probe segment's count with
/// <c>GET /api/segments/{id}</c> every millisecond until the count includes it (durable append, customer turn,
/// evaluation of every segment, durable delta, segment turn, and both HTTP requests). Prints p50, p99, max.
/// </summary>
public static class SegmentLatencyReport
{
    private const string ProbeSegment = "latency-probe";
    private const string ProbeEvent = "Latency Probe";
    private const string WriteKey = "bench-latency-write-key";
    private const string ManagementKey = "bench-latency-management-key-0123456789";
    private const int LoadBatch = 100;
    private const int LoadInFlight = 8;

    public static async Task RunAsync(int probes, int loadPerSecond)
    {
        var directory = Directory.CreateTempSubdirectory("segmentation-bench-latency-").FullName;
        try
        {
            var app = await StartAsync(directory);
            await using (app)
            {
                using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
                var segments = app.Services.GetRequiredService<SegmentDirectory>();
                foreach (var draft in BenchSegments.Drafts().Where(static d => d.Id!.StartsWith("bench-", StringComparison.Ordinal)))
                {
                    await segments.CreateAsync(draft);
                }

                await segments.CreateAsync(new SegmentDraft(ProbeSegment, "Latency probe", $"count(\"{ProbeEvent}\") > 0"));
                using var stop = new CancellationTokenSource();
                var load = LoadAsync(http.BaseAddress!, loadPerSecond, stop.Token);
                var gc = GcFigures.Now();
                var (counted, acknowledged) = await ProbeAsync(http, probes);
                await stop.CancelAsync();
                var loaded = await load;
                Report(counted, acknowledged, loaded);
                Console.WriteLine($"  meanwhile (silo and load in one process): {GcFigures.Now() - gc}");
                await app.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<WebApplication> StartAsync(string dataDirectory)
    {
        var app = SiloApplication.Build(
            [
                "--environment=Production",
                "--urls=http://127.0.0.1:0",
                $"--Segmentation:DataDirectory={dataDirectory}",
                $"--Segmentation:Tracking:WriteKeys:0:Key={WriteKey}",
                "--Segmentation:Tracking:WriteKeys:0:Name=bench",
                $"--Segmentation:Management:ApiKeys:0:Key={ManagementKey}",
                "--Segmentation:Management:ApiKeys:0:Name=bench",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning",
            ],
            static builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        await app.Services.GetRequiredService<RuntimeSilo>().WhenReadyAsync();
        return app;
    }

    /// <summary>Each probe's time to the count including it, and its share until the track call was acknowledged.</summary>
    private static async Task<(List<double> Counted, List<double> Acknowledged)> ProbeAsync(HttpClient http, int probes)
    {
        var latencies = new List<double>(probes);
        var acknowledged = new List<double>(probes);
        var initial = await ReadCountAsync(http);
        for (var i = 0; i < probes; i++)
        {
            var customer = $"latency-probe-{i:D6}";
            var started = Stopwatch.GetTimestamp();
            using (var request = Post("v1/track", JsonContent.Create(new
            {
                userId = customer,
                @event = ProbeEvent,
                messageId = customer,
                timestamp = DateTimeOffset.UtcNow,
            })))
            using (var response = await http.SendAsync(request))
            {
                response.EnsureSuccessStatusCode();
            }

            acknowledged.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            while (await ReadCountAsync(http) - initial <= i)
            {
                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await Task.Delay(5);
        }

        return (latencies, acknowledged);
    }

    private static async Task<long> ReadCountAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/segments/{ProbeSegment}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ManagementKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var segment = await response.Content.ReadFromJsonAsync<JsonObject>();
        return segment!["count"]!.GetValue<long>();
    }

    /// <summary>
    /// Posts the shoppers' events in batches of <see cref="LoadBatch"/> through the load generator's
    /// <see cref="HttpEventSink"/> at about <paramref name="perSecond"/>, at most <see cref="LoadInFlight"/> requests at
    /// once; returns the events per second acknowledged.
    /// </summary>
    private static async Task<long> LoadAsync(Uri silo, int perSecond, CancellationToken cancellationToken)
    {
        var model = new ShopperModel(new ShopperModelOptions { Customers = 10_000, ConcurrentSessions = 500, Seed = 11 });
        var source = new ShopperBatchSource(model, $"latency-{Guid.NewGuid():N}", 450 * 1024);
        await using var sink = new HttpEventSink(silo, WriteKey, LoadInFlight, TimeSpan.FromSeconds(30));
        using var inFlight = new SemaphoreSlim(LoadInFlight);
        var posts = new List<Task>();
        var stopwatch = Stopwatch.StartNew();
        long sent = 0;
        long acknowledged = 0;
        while (!cancellationToken.IsCancellationRequested && perSecond > 0)
        {
            await inFlight.WaitAsync(CancellationToken.None);
            var batch = source.NextBatch(LoadBatch, DateTimeOffset.UtcNow);
            sent += batch.EventCount;
            posts.Add(SendAsync(batch));
            posts.RemoveAll(static p => p.IsCompleted);
            var ahead = TimeSpan.FromSeconds(sent / (double)perSecond) - stopwatch.Elapsed;
            if (ahead > TimeSpan.Zero)
            {
                await Task.Delay(ahead, CancellationToken.None);
            }
        }

        await Task.WhenAll(posts);
        return (long)(Interlocked.Read(ref acknowledged) / stopwatch.Elapsed.TotalSeconds);

        async Task SendAsync(EventBatch batch)
        {
            try
            {
                if ((await sink.SendAsync(batch, CancellationToken.None)).Outcome == SinkOutcome.Accepted)
                {
                    Interlocked.Add(ref acknowledged, batch.EventCount);
                }
            }
            finally
            {
                batch.Dispose();
                inFlight.Release();
            }
        }
    }

    private static HttpRequestMessage Post(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
        return request;
    }

    private static void Report(List<double> counted, List<double> acknowledged, long loadRate)
    {
        Console.WriteLine($"event -> segment count over HTTP: {counted.Count:N0} probes with 101 active segments, background load {loadRate:N0} events/s acknowledged (SQLite, fsync per commit)");
        Console.WriteLine($"  {Summary(counted)}; of which the track call's acknowledgement {Summary(acknowledged)}");
    }

    private static string Summary(List<double> latencies)
    {
        latencies.Sort();
        string Format(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
        string Percentile(double p) => Format(latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)]);
        return $"p50 {Percentile(0.50)} ms, p99 {Percentile(0.99)} ms, max {Format(latencies[^1])} ms";
    }
}
