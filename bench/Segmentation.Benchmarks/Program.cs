using System.Globalization;
using BenchmarkDotNet.Running;
using Segmentation.Benchmarks;
using Segmentation.Benchmarks.Dashboard;
using Segmentation.Benchmarks.Ingestion;
using Segmentation.Benchmarks.Segments;
using Segmentation.Benchmarks.Triggers;

// `memory` prints the memory figures; `segment-latency [probes] [background events/s]` the event to
// segment count latency over HTTP; anything else goes to BenchmarkDotNet (e.g. --filter '*GrainCall*').
// `profile-memory [customers] [events]` what profiles with 90 days of load-generator history hold.
// `backfill [customers] [memory]` and `preview [customers] [runs] [memory]` seed a population on SQLite (or in memory),
// then time one backfill or previews; `preview-backfill [customers] [runs] [memory]` seeds once and times both.
// `dashboard-render [customers] [samples] [sends]` seeds customers (and sends) and times each dashboard page's server
// render.
// `outbox-memory [sends]` what a pending send costs the outbox (heap and snapshot bytes).
// `reminder-load [customers] [due per second] [max activations]` seeds customers with pending cart-abandonment and lapse
// reminders whose cart reminders fall due at the given rate, and reports their lateness, the firing rate and memory.
// `customer-heap [customers]` the managed heap per customer of that population: profiles alone (and their parts), then the silo.
if (args is ["memory"])
{
    await MemoryReport.RunAsync();
    return;
}

if (args is ["profile-memory", .. var memoryArgs])
{
    ProfileMemoryReport.Run(
        memoryArgs.Length > 0 ? int.Parse(memoryArgs[0], CultureInfo.InvariantCulture) : 10_000,
        memoryArgs.Length > 1 ? int.Parse(memoryArgs[1], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

if (args is ["outbox-memory", .. var outboxArgs])
{
    await OutboxMemoryReport.RunAsync(outboxArgs.Length > 0 ? int.Parse(outboxArgs[0], CultureInfo.InvariantCulture) : 100_000);
    return;
}

if (args is ["segment-latency", .. var latencyArgs])
{
    await SegmentLatencyReport.RunAsync(
        latencyArgs.Length > 0 ? int.Parse(latencyArgs[0], CultureInfo.InvariantCulture) : 1_000,
        latencyArgs.Length > 1 ? int.Parse(latencyArgs[1], CultureInfo.InvariantCulture) : 1_000);
    return;
}

if (args is ["backfill", .. var backfillArgs])
{
    await BackfillReport.RunAsync(
        backfillArgs.Length > 0 ? int.Parse(backfillArgs[0], CultureInfo.InvariantCulture) : 1_000_000,
        backfillArgs is [_, "memory"]);
    return;
}

if (args is ["preview", .. var previewArgs])
{
    await PreviewReport.RunAsync(
        previewArgs.Length > 0 ? int.Parse(previewArgs[0], CultureInfo.InvariantCulture) : 1_000_000,
        previewArgs.Length > 1 ? int.Parse(previewArgs[1], CultureInfo.InvariantCulture) : 3,
        previewArgs is [_, _, "memory"]);
    return;
}

if (args is ["preview-backfill", .. var bothArgs])
{
    // One seeding for both: the previews, then the backfill of a new segment.
    await using var population = await BackfillPopulation.StartAsync(
        bothArgs.Length > 0 ? int.Parse(bothArgs[0], CultureInfo.InvariantCulture) : 1_000_000,
        bothArgs is [_, _, "memory"]);
    await PreviewReport.RunAsync(population, bothArgs.Length > 1 ? int.Parse(bothArgs[1], CultureInfo.InvariantCulture) : 3);
    await BackfillReport.RunAsync(population);
    return;
}

if (args is ["dashboard-render", .. var renderArgs])
{
    await DashboardRenderReport.RunAsync(
        renderArgs.Length > 0 ? int.Parse(renderArgs[0], CultureInfo.InvariantCulture) : 1_000_000,
        renderArgs.Length > 1 ? int.Parse(renderArgs[1], CultureInfo.InvariantCulture) : 20,
        renderArgs.Length > 2 ? int.Parse(renderArgs[2], CultureInfo.InvariantCulture) : 0);
    return;
}

if (args is ["reminder-load", .. var reminderArgs])
{
    await ReminderLoadReport.RunAsync(
        reminderArgs.Length > 0 ? int.Parse(reminderArgs[0], CultureInfo.InvariantCulture) : 1_000_000,
        reminderArgs.Length > 1 ? int.Parse(reminderArgs[1], CultureInfo.InvariantCulture) : 10_000,
        reminderArgs.Length > 2 ? int.Parse(reminderArgs[2], CultureInfo.InvariantCulture) : 300_000);
    return;
}

if (args is ["customer-heap", .. var heapArgs])
{
    await CustomerHeapReport.RunAsync(heapArgs.Length > 0 ? int.Parse(heapArgs[0], CultureInfo.InvariantCulture) : 30_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GrainCallBenchmarks).Assembly).Run(args);
