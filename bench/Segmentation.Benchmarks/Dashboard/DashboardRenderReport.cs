using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Segments;

namespace Segmentation.Benchmarks.Dashboard;

/// <summary>
/// Server render time of each dashboard page with a seeded population (<see cref="DashboardPopulation"/>: the 100
/// bench segments and <c>customers</c> customers, and with <c>sends</c> sends in the log the send pages too,
/// <see cref="SendLogPopulation"/>): a signed-in GET over loopback answered with the whole prerendered
/// page, timed from the request to the last byte, after three untimed warm-up requests; the median, the 95th
/// percentile and the slowest of <c>samples</c> requests per page, one request at a time.
/// </summary>
public static class DashboardRenderReport
{
    private const int WarmUps = 3;

    public static async Task RunAsync(int customers, int samples, int sends)
    {
        await using var population = await DashboardPopulation.StartAsync(customers, sends);
        var largest = (await population.Services.GetRequiredService<SegmentDirectory>().ListAsync()).MaxBy(static s => s.Count)!;
        Console.WriteLine($"largest segment {largest.Id}: {largest.Count:N0} members; heap {GC.GetTotalMemory(false) / (1 << 20):N0} MiB");
        (string Name, string Path)[] pages =
        [
            ("Overview", "/"),
            ("Segments", "/segments"),
            ("Segment detail", $"/segments/{largest.Id}"),
            ("Segment editor", $"/segments/{largest.Id}/edit"),
            ("Customer search", $"/customers?query={Uri.EscapeDataString(DashboardPopulation.Email(customers / 2))}"),
            ("Customer profile", $"/customers/{CustomerSeeding.CustomerId(customers / 2)}"),
            ("RFM grid", "/rfm"),
            ("RFM cell", "/rfm?r=3&f=2"),
            ("Triggers", "/triggers"),
            ("Trigger editor (100 segments to pick)", "/triggers/segment_entry/edit"),
            .. sends == 0 ? [] : SendPages(customers),
        ];
        Console.WriteLine($"| Page | Path | Median | p95 | Slowest | Bytes |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        foreach (var (name, path) in pages)
        {
            var bytes = 0;
            for (var i = 0; i < WarmUps; i++)
            {
                bytes = await RenderAsync(population.Client, path);
            }

            var times = new List<double>(samples);
            for (var i = 0; i < samples; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await RenderAsync(population.Client, path);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | `{path}` | {times[times.Count / 2]:N1} ms | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:N1} ms | {times[^1]:N1} ms | {bytes:N0} |"));
        }
    }

    private static (string Name, string Path)[] SendPages(int customers) =>
    [
        ("Send log", "/sends"),
        ("Send log, one trigger", $"/sends?trigger={SendLogPopulation.SkipTrigger}"),
        ("Send log, one customer", $"/sends?customerId={CustomerSeeding.CustomerId(customers / 2)}"),
        ("Send log, dead letters (none in the log)", "/sends?status=deadLettered"),
    ];

    private static async Task<int> RenderAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? body.Length
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
    }
}
