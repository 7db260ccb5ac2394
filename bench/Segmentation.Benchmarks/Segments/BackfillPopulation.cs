using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Segmentation.Grains;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Segments;
using Segmentation.Runtime;
using Segmentation.Runtime.Durability;
using Segmentation.Runtime.Hosting;
using Segmentation.Storage.InMemory;
using Segmentation.Storage.Sqlite;
using Segmentation.Tracking;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// A silo on SQLite (fsync per group commit) or in memory, with the starter segments and a population of customers seeded through
/// durable appends, as tracking calls would: customer <c>i</c> viewed a product, and every third one also placed an
/// order of <see cref="RevenueOf"/>. Used by the backfill and preview reports, which know from this which customers a
/// rule holds for.
/// </summary>
public sealed class BackfillPopulation : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _directory;

    private BackfillPopulation(IHost host, string? directory, int customers)
    {
        _host = host;
        _directory = directory;
        Customers = customers;
    }

    public int Customers { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The revenue of customer <paramref name="index"/>'s one order; null when it placed none.</summary>
    public static int? RevenueOf(int index) => index % 3 == 0 ? 20 + (index * 37 % 281) : null;

    /// <summary>How many customers have an order of at least <paramref name="revenue"/>.</summary>
    public int CountWithRevenueAtLeast(int revenue) =>
        Enumerable.Range(0, Customers).Count(i => RevenueOf(i) >= revenue);

    /// <summary>
    /// Starts the silo (on SQLite in a new directory, or in memory) and seeds <paramref name="customers"/> customers;
    /// returns once every one is registered and the silo is quiet.
    /// </summary>
    public static async Task<BackfillPopulation> StartAsync(int customers, bool inMemory)
    {
        var directory = inMemory ? null : Directory.CreateTempSubdirectory("segmentation-bench-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Every customer stays resident for the measurement, however long the seeding took on a busy machine (idle
        // activations are collected after 15 minutes by default, and would then load from storage when asked).
        builder.Services.AddSegmentationSilo(static silo => silo.ActivationCollectionAge = TimeSpan.FromHours(4))
            .UseStorage(_ => directory is null
                ? new InMemorySiloStorage()
                : new SqliteSiloStorage(new SqliteStorageOptions { DataDirectory = directory }))
            .AddCustomerProfiles();
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<Silo>().WhenReadyAsync();
        await host.Services.GetRequiredService<SegmentDefinitionsCache>().EnsureLoadedAsync();
        var population = new BackfillPopulation(host, directory, customers);
        await population.SeedAsync();
        return population;
    }

    private async Task SeedAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var customers = Services.GetRequiredService<CustomerDirectory>();
        var now = DateTimeOffset.UtcNow;
        await CustomerSeeding.AppendAsync(customers, 0, Customers, i => EventsOf(i, now));
        Console.WriteLine($"seeded {Customers:N0} customers through durable appends in {stopwatch.Elapsed.TotalSeconds:N1} s");
        await WaitUntilQuietAsync();
        Console.WriteLine($"  all registered and applied after {stopwatch.Elapsed.TotalSeconds:N1} s");

        // As on a silo that has been running: the seeded customers snapshotted, and the seeding's garbage gone, so the
        // measured work does not share the machine with the checkpoint of a million new customers.
        await Services.GetRequiredService<Silo>().Runtime.Checkpoints.CheckpointAllAsync(SnapshotMode.All);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Console.WriteLine($"  checkpointed and collected after {stopwatch.Elapsed.TotalSeconds:N1} s; heap {GC.GetTotalMemory(false) / (1 << 20):N0} MB");
    }

    /// <summary>
    /// Waits until every customer is registered, the starter segments' backfills (each counts the customers registered
    /// when it starts, so the later ones check part of the seeded population) have run, and the registry and starter
    /// segments stopped changing for two seconds: nothing else runs while the preview or backfill is measured.
    /// </summary>
    private async Task WaitUntilQuietAsync()
    {
        var client = Services.GetRequiredService<IClusterClient>();
        var backfills = Services.GetRequiredService<SegmentBackfillService>();
        var previous = -1L;
        var stableSince = Stopwatch.StartNew();
        while (true)
        {
            var registered = (await Task.WhenAll(Shards.All.Select(shard =>
                client.GetGrain<CustomerRegistryGrain>(shard).InvokeReadOnlyAsync(static g => g.CountAsync()).AsTask()))).Sum();
            var segments = await Services.GetRequiredService<SegmentDirectory>().ListAsync();
            var fingerprint = registered + segments.Sum(static s => s.Entered + s.Left);
            if (fingerprint != previous || !backfills.WhenIdleAsync().IsCompleted)
            {
                previous = fingerprint;
                stableSince.Restart();
            }
            else if (registered == Customers && stableSince.Elapsed > TimeSpan.FromSeconds(2))
            {
                return;
            }

            await Task.Delay(250);
        }
    }

    private static IEnumerable<TrackingMessage> EventsOf(int index, DateTimeOffset at)
    {
        var id = CustomerSeeding.CustomerId(index);
        yield return Track(id, "Product Viewed", at, new JsonObject { ["product_id"] = $"p{index % 50}", ["price"] = 40 });
        if (RevenueOf(index) is { } revenue)
        {
            yield return Track(id, "Order Completed", at, new JsonObject { ["order_id"] = $"o-{id}", ["revenue"] = revenue, ["currency"] = "USD" });
        }
    }

    private static TrackingMessage Track(string userId, string name, DateTimeOffset at, JsonObject properties) => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = $"{userId}-{name}",
        UserId = userId,
        Event = name,
        Properties = properties,
        Timestamp = at,
        ReceivedAt = at,
    };

    /// <summary>
    /// Drops the silo without a graceful stop (which would write a snapshot for each of the customers, one by one) and
    /// deletes its data: nothing is read back.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
