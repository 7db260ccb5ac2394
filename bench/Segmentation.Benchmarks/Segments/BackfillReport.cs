using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// Backfill of one new segment over a seeded population (<see cref="BackfillPopulation"/>, SQLite with fsync per
/// commit or in memory), measured from the save (which starts the backfill) until the segment grain reports it complete, with a
/// tracking load of product views on the same customers meanwhile, whose acknowledgement latency is reported too.
/// </summary>
public static class BackfillReport
{
    private const string SegmentId = "backfill-bench";
    private const int Threshold = 150;
    private const int LoadBatch = 100;

    public static async Task RunAsync(int customers, bool inMemory)
    {
        await using var population = await BackfillPopulation.StartAsync(customers, inMemory);
        await RunAsync(population);
    }

    /// <summary>One backfill over a population already seeded.</summary>
    public static async Task RunAsync(BackfillPopulation population)
    {
        var customers = population.Customers;
        var segments = population.Services.GetRequiredService<SegmentDirectory>();
        var backfills = population.Services.GetRequiredService<SegmentBackfillService>();
        await backfills.WhenIdleAsync();

        using var stop = new CancellationTokenSource();
        var load = LoadAsync(population, stop.Token);
        var cpu = Environment.CpuUsage.TotalTime;
        var gc = GcFigures.Now();
        var started = Stopwatch.GetTimestamp();
        await segments.CreateAsync(new SegmentDraft(SegmentId, "Backfill benchmark", $"total_revenue >= {Threshold}"));
        var sent = WhenSentAsync(backfills, started);
        SegmentInfo info;
        var reported = Stopwatch.GetTimestamp();
        while ((info = (await segments.GetAsync(SegmentId))!).Backfill.State != SegmentBackfillState.Complete)
        {
            if (Stopwatch.GetElapsedTime(reported) > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"  {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s: {info.Backfill.Evaluated:N0} of {info.Backfill.Total:N0} evaluated");
                reported = Stopwatch.GetTimestamp();
            }

            await Task.Delay(10);
        }

        var complete = Stopwatch.GetElapsedTime(started);
        var cpuUsed = Environment.CpuUsage.TotalTime - cpu;
        var gcUsed = GcFigures.Now() - gc;
        await stop.CancelAsync();
        var acks = await load;
        acks.Sort();
        Console.WriteLine(
            $"backfill of {customers:N0} customers for one new segment: every evaluation sent after {(await sent).TotalSeconds:N2} s, " +
            $"complete after {complete.TotalSeconds:N2} s ({customers / complete.TotalSeconds:N0} customers/s, {cpuUsed.TotalSeconds:N1} s of CPU)");
        Console.WriteLine($"  {gcUsed}");
        Console.WriteLine(
            $"  evaluated {info.Backfill.Evaluated:N0} of {info.Backfill.Total:N0}; count {info.Count:N0} " +
            $"(expected {population.CountWithRevenueAtLeast(Threshold):N0})");
        Console.WriteLine(
            $"  tracking meanwhile: {acks.Count * LoadBatch / complete.TotalSeconds:N0} events/s acknowledged in batches of {LoadBatch}, " +
            $"ack p50 {Percentile(acks, 0.50)} ms, p99 {Percentile(acks, 0.99)} ms, max {Percentile(acks, 1)} ms");
    }

    private static async Task<TimeSpan> WhenSentAsync(SegmentBackfillService backfills, long started)
    {
        await backfills.WhenIdleAsync();
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Product views for existing customers (they change no segment of the rule), one batch after another; returns each batch's ack time.</summary>
    private static async Task<List<double>> LoadAsync(BackfillPopulation population, CancellationToken cancellationToken)
    {
        var customers = population.Services.GetRequiredService<CustomerDirectory>();
        var random = new Random(5);
        var acks = new List<double>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            var batch = new TrackingMessage[LoadBatch];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = new TrackingMessage
                {
                    Type = TrackingMessageType.Track,
                    MessageId = Guid.NewGuid().ToString("N"),
                    UserId = CustomerSeeding.CustomerId(random.Next(population.Customers)),
                    Event = "Product Viewed",
                    Properties = new JsonObject { ["product_id"] = "p-load", ["price"] = 10 },
                    Timestamp = now,
                    ReceivedAt = now,
                };
            }

            var started = Stopwatch.GetTimestamp();
            await customers.AppendAsync(batch, CancellationToken.None);
            acks.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await Task.Delay(5, CancellationToken.None);
        }

        return acks;
    }

    private static string Percentile(List<double> sorted, double p) => sorted.Count == 0
        ? "-"
        : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)].ToString("F1", CultureInfo.InvariantCulture);
}
