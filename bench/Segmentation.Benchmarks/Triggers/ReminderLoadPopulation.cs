extern alias silo;

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Grains.Customers;
using Segmentation.Runtime.Durability;
using silo::Segmentation.Silo.Hosting;
using Segmentation.Tracking;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Benchmarks.Triggers;

/// <summary>
/// The silo application as the silo process builds it (Production settings, SQLite with fsync per group commit, no ESP
/// endpoint so sends wait in the outbox, at most <c>maxActivations</c> customers resident) with cart abandonment and
/// lapse enabled, no quiet hours and no frequency cap, and a population seeded through <see cref="CustomerDirectory"/>
/// in two passes. First every customer identifies (email, consent) and places an order 45 days ago; then every
/// customer adds a product to the cart, timestamped so that the cart's reminder falls due at
/// <see cref="DueSchedule.DueAt"/>: <c>dueRate</c> customers a second, in customer order, from a window start
/// after the second pass and its checkpoint are expected to end (the first pass's duration with its checkpoint, plus a
/// margin). Each customer then holds a pending cart-abandonment reminder (due in the window) and a lapse reminder (due
/// in 60 days).
/// </summary>
public sealed class ReminderLoadPopulation : IAsyncDisposable
{
    /// <summary>
    /// Two hours, not the default hour: the starter segment "Abandoned Cart" (cart untouched for 1 h) must not change at
    /// the reminder's instant too, so the window holds one due reminder per customer, the trigger's.
    /// </summary>
    public static readonly TimeSpan CartDelay = TimeSpan.FromHours(2);

    private static readonly TimeSpan OrderAge = TimeSpan.FromDays(45);
    private static readonly TimeSpan WindowMargin = TimeSpan.FromSeconds(15);
    private const int SeedRound = 50_000;

    private readonly WebApplication _app;
    private readonly string _directory;

    private ReminderLoadPopulation(WebApplication app, string directory, int customers, DueSchedule schedule)
    {
        _app = app;
        _directory = directory;
        Customers = customers;
        Schedule = schedule;
    }

    public int Customers { get; }

    /// <summary>When each customer's cart reminder is due.</summary>
    public DueSchedule Schedule { get; }

    public IServiceProvider Services => _app.Services;

    public RuntimeSilo Silo => _app.Services.GetRequiredService<RuntimeSilo>();

    public static async Task<ReminderLoadPopulation> StartAsync(int customers, int dueRate, int maxActivations)
    {
        var directory = Directory.CreateTempSubdirectory("segmentation-bench-reminders-").FullName;
        var app = SiloApplication.Build(
            [
                "--environment=Production",
                "--urls=http://127.0.0.1:0",
                $"--Segmentation:DataDirectory={directory}",
                $"--Segmentation:Silo:MaxActivations={maxActivations}",
                "--Segmentation:ShutdownTimeout=00:10:00",
                "--Logging:LogLevel:Default=Warning",
                "--Segmentation:Triggers:Guardrails:FrequencyCap=0",
                "--Segmentation:Triggers:Guardrails:QuietHoursStart=00:00",
                "--Segmentation:Triggers:Guardrails:QuietHoursEnd=00:00",
                "--Segmentation:Triggers:CartAbandonment:Enabled=true",
                "--Segmentation:Triggers:CartAbandonment:TemplateId=d-bench-cart",
                $"--Segmentation:Triggers:CartAbandonment:Delay={CartDelay:c}",
                "--Segmentation:Triggers:Lapse:Enabled=true",
                "--Segmentation:Triggers:Lapse:TemplateId=d-bench-lapse",
            ],
            static builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var silo = app.Services.GetRequiredService<RuntimeSilo>();
        await silo.WhenReadyAsync();
        var customerDirectory = app.Services.GetRequiredService<CustomerDirectory>();

        var stopwatch = Stopwatch.StartNew();
        var seededAt = DateTimeOffset.UtcNow;
        await SeedAsync(silo, customerDirectory, customers, i => FirstPass(i, seededAt));
        Console.WriteLine($"first pass (identify, order) of {customers:N0} customers, applied and checkpointed, in {stopwatch.Elapsed.TotalSeconds:N1} s");

        // The second pass appends half the events of the first: its duration is a safe lead for the window.
        var schedule = new DueSchedule(DateTimeOffset.UtcNow + stopwatch.Elapsed + WindowMargin, dueRate);
        stopwatch.Restart();
        await SeedAsync(silo, customerDirectory, customers, i => CartAdd(i, schedule.DueAt(i) - CartDelay));
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var lead = schedule.Start - DateTimeOffset.UtcNow;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"second pass (cart add) applied and checkpointed in {stopwatch.Elapsed.TotalSeconds:N1} s; the window starts {lead.TotalSeconds:N1} s later"));
        return new ReminderLoadPopulation(app, directory, customers, schedule);
    }

    // A round at a time, each applied before the next is appended, so that appends never run far ahead of the grains;
    // then a checkpoint of everything, as on a silo that has been running (the reminders' changes go to storage with it).
    private static async Task SeedAsync(
        RuntimeSilo silo, CustomerDirectory directory, int customers, Func<int, IEnumerable<TrackingMessage>> eventsOf)
    {
        for (var start = 0; start < customers; start += SeedRound)
        {
            await CustomerSeeding.AppendAsync(directory, start, Math.Min(start + SeedRound, customers), eventsOf);
            await silo.Runtime.QuiesceAsync();
        }

        await silo.Runtime.Checkpoints.CheckpointAllAsync(SnapshotMode.All);
    }

    /// <summary>The first pass's calls of customer <paramref name="index"/>: identify (email, consent), then an order 45 days before <paramref name="now"/>.</summary>
    internal static IEnumerable<TrackingMessage> FirstPass(int index, DateTimeOffset now)
    {
        var id = CustomerSeeding.CustomerId(index);
        var ordered = now - OrderAge;
        yield return Message(TrackingMessageType.Identify, id, id + "-identify", null, ordered, now) with
        {
            Traits = new JsonObject { ["email"] = $"shopper{index}@example.com", ["first_name"] = "Shopper", ["email_consent"] = "subscribed" },
        };
        yield return Message(TrackingMessageType.Track, id, id + "-order", "Order Completed", ordered, now) with
        {
            Properties = new JsonObject { ["order_id"] = id + "-o1", ["revenue"] = 20 + (index * 37 % 281), ["currency"] = "USD" },
        };
    }

    /// <summary>The second pass's call of customer <paramref name="index"/>: a product added to the cart at <paramref name="at"/>.</summary>
    internal static IEnumerable<TrackingMessage> CartAdd(int index, DateTimeOffset at)
    {
        var id = CustomerSeeding.CustomerId(index);
        var product = index % 500;
        yield return Message(TrackingMessageType.Track, id, id + "-cart", "Product Added", at, DateTimeOffset.UtcNow) with
        {
            Properties = new JsonObject
            {
                ["product_id"] = $"p{product}",
                ["name"] = $"Product {product}",
                ["price"] = 10 + (product % 90),
                ["quantity"] = 1,
                ["image_url"] = $"https://shop.example/images/p{product}.jpg",
            },
        };
    }

    private static TrackingMessage Message(
        TrackingMessageType type, string userId, string messageId, string? name, DateTimeOffset at, DateTimeOffset receivedAt) => new()
    {
        Type = type,
        MessageId = messageId,
        UserId = userId,
        Event = name,
        Timestamp = at,
        ReceivedAt = receivedAt,
    };

    /// <summary>Stops the silo (after the measurement, so its final checkpoint is not measured) and deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
