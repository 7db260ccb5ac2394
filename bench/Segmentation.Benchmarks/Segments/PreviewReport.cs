using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Segments;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// Preview of an unsaved rule over a seeded population (<see cref="BackfillPopulation"/>; every customer resident, as
/// on a silo that served them recently), through <see cref="SegmentDirectory.PreviewAsync"/> as the API calls it.
/// </summary>
public static class PreviewReport
{
    private const int Threshold = 150;

    public static async Task RunAsync(int customers, int runs, bool inMemory)
    {
        await using var population = await BackfillPopulation.StartAsync(customers, inMemory);
        await RunAsync(population, runs);
    }

    /// <summary><paramref name="runs"/> previews over a population already seeded.</summary>
    public static async Task RunAsync(BackfillPopulation population, int runs)
    {
        var customers = population.Customers;
        var segments = population.Services.GetRequiredService<SegmentDirectory>();
        for (var run = 1; run <= runs; run++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var gc = GcFigures.Now();
            var started = Stopwatch.GetTimestamp();
            var preview = await segments.PreviewAsync($"total_revenue >= {Threshold} and views(30d) > 0", sampleSize: 20);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Console.WriteLine(
                $"preview over {customers:N0} customers, run {run}: {elapsed.TotalSeconds:N2} s ({customers / elapsed.TotalSeconds:N0} customers/s); " +
                $"count {preview.Count:N0} (expected {population.CountWithRevenueAtLeast(Threshold):N0}), evaluated {preview.Evaluated:N0}, " +
                $"sample from {preview.Sample[0]}; {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:N2} s of CPU; {GcFigures.Now() - gc}");
        }
    }
}
