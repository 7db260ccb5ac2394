using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Benchmarks.Segments;
using Segmentation.Delivery.Outbox;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Benchmarks.Triggers;

/// <summary>
/// Reminder load: <c>customers</c> customers each holding a pending cart-abandonment and lapse reminder
/// (<see cref="ReminderLoadPopulation"/>), the cart reminders falling due at <c>dueRate</c> a second. While they fall due
/// the silo is sampled every 250 ms (<see cref="ReminderLoadSample"/>); at the end the runtime's own reminder lateness
/// (due time to the start of the grain turn that received the firing, as <c>GET /api/silo</c> reports it), the
/// firings per second achieved, the most firings behind the due schedule, memory before, at its peak and after, the
/// garbage collections, and the sends the firings appended to the outbox.
/// </summary>
public static class ReminderLoadReport
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(int customers, int dueRate, int maxActivations)
    {
        Console.WriteLine($"reminder load: {customers:N0} customers, {dueRate:N0} due a second, at most {maxActivations:N0} activations; {(GCSettings.IsServerGC ? "server" : "workstation")} GC ({GCSettings.LatencyMode}); load average {LoadAverage()}");
        await using var population = await ReminderLoadPopulation.StartAsync(customers, dueRate, maxActivations);
        var silo = population.Silo;
        var schedule = population.Schedule;
        if (schedule.Start - DateTimeOffset.UtcNow is { Ticks: > 0 } lead)
        {
            await Task.Delay(lead);
        }

        var before = ReminderLoadSample.Take(silo);
        Console.WriteLine($"at the window's start: {before}; {before.Fired:N0} firings already delivered");
        using var process = Process.GetCurrentProcess();
        var gc = GcFigures.Now();
        var cpu = process.TotalProcessorTime;
        var samples = await SampleUntilFiredAsync(silo, before, customers, schedule.End(customers));

        var gcDuring = GcFigures.Now() - gc;
        process.Refresh();
        var cpuDuring = process.TotalProcessorTime - cpu;
        var wallDuring = samples[^1].At - before.At;
        await silo.Runtime.QuiesceAsync();
        var after = ReminderLoadSample.Take(silo);
        var lateness = silo.ReminderLateness;
        var fired = samples[^1].Fired - before.Fired;
        var lastFiring = samples.First(s => s.Fired == samples[^1].Fired).At;
        var firingSpan = lastFiring - schedule.Start;
        long Behind(ReminderLoadSample s) => Math.Max(0, DueBy(schedule, customers, s.At) - (s.Fired - before.Fired));
        var behind = samples.Max(Behind);
        var timeline = string.Join(", ", samples
            .GroupBy(s => (int)Math.Floor((s.At - schedule.Start).TotalSeconds / 10))
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key * 10} s {g.Max(Behind):N0}")));
        var sends = await CountSendsAsync(population.Services.GetRequiredService<OutboxDirectory>(), schedule.Start, lastFiring);
        var peak = samples.MaxBy(static s => s.WorkingSetBytes);
        var peakHeap = samples.Max(static s => s.HeapBytes);
        var peakWindow = samples.Max(static s => s.RemindersInMemory);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            firings delivered in the window: {fired:N0} of {customers:N0} due over {(schedule.End(customers) - schedule.Start).TotalSeconds:N1} s; the last by {firingSpan.TotalSeconds:N1} s after the first was due: {fired / Math.Max(firingSpan.TotalSeconds, 1e-3):N0}/s
            lateness (all {lateness.Count:N0} firings since ready): p50 {lateness.P50.TotalMilliseconds:N0} ms, p99 {lateness.P99.TotalMilliseconds:N0} ms, max {lateness.Max.TotalMilliseconds:N0} ms
            most firings behind the due schedule at a sample: {behind:N0}; the most in each 10 s from the first due instant: {timeline}
            memory: at the start {ReminderLoadSample.Mib(before.WorkingSetBytes)} resident / {ReminderLoadSample.Mib(before.HeapBytes)} heap; peak {ReminderLoadSample.Mib(peak.WorkingSetBytes)} resident / {ReminderLoadSample.Mib(peakHeap)} heap; after {ReminderLoadSample.Mib(after.WorkingSetBytes)} resident / {ReminderLoadSample.Mib(after.HeapBytes)} heap
            reminders in memory: {before.RemindersInMemory:N0} at the start, at most {peakWindow:N0} during, {after.RemindersInMemory:N0} after; activations {before.Activations:N0} at the start, {after.Activations:N0} after
            garbage collection during the window: {gcDuring}
            CPU of the process from the window's start to the last sample: {cpuDuring.TotalSeconds:N1} s in {wallDuring.TotalSeconds:N1} s ({cpuDuring / wallDuring:N2} cores of {Environment.ProcessorCount})
            outbox: {sends.Pending:N0} sends pending, {sends.Skipped:N0} skipped
            load average {LoadAverage()}
            """));
    }

    /// <summary>
    /// Samples until every customer's firing was delivered (the last due instant passed, no reminder held in memory),
    /// or until none was for <see cref="Stall"/> after the last due instant.
    /// </summary>
    private static async Task<List<ReminderLoadSample>> SampleUntilFiredAsync(
        RuntimeSilo silo, ReminderLoadSample before, int customers, DateTimeOffset lastDue)
    {
        var samples = new List<ReminderLoadSample>();
        var progressAt = DateTimeOffset.UtcNow;
        while (true)
        {
            await Task.Delay(SampleInterval);
            var sample = ReminderLoadSample.Take(silo);
            if (samples.Count == 0 || sample.Fired != samples[^1].Fired)
            {
                progressAt = sample.At;
            }

            samples.Add(sample);
            // Other reminders falling due in the window count as firings too, so the count alone could end the
            // sampling before the last cart reminders fired: those are all due and none is held any more.
            var allFired = sample.Fired - before.Fired >= customers && sample.At > lastDue && sample.RemindersInMemory == 0;
            if (allFired || (sample.At > lastDue && sample.At - progressAt > Stall))
            {
                return samples;
            }
        }
    }

    /// <summary>How many of the schedule's due instants fall at or before <paramref name="at"/>.</summary>
    private static long DueBy(DueSchedule schedule, int customers, DateTimeOffset at) =>
        at < schedule.Start ? 0 : Math.Min(customers, ((at - schedule.Start).Ticks * schedule.PerSecond / TimeSpan.TicksPerSecond) + 1);

    // Sends are counted by the day they were created, the firing's due time.
    private static async Task<SendStatusCounts> CountSendsAsync(OutboxDirectory outbox, DateTimeOffset from, DateTimeOffset to)
    {
        var first = DateOnly.FromDateTime(from.UtcDateTime);
        var last = DateOnly.FromDateTime(to.UtcDateTime);
        var counts = await outbox.CountByStatusAsync(first);
        if (last != first)
        {
            var more = await outbox.CountByStatusAsync(last);
            counts = new SendStatusCounts(
                counts.Pending + more.Pending, counts.Delivered + more.Delivered, counts.Failed + more.Failed,
                counts.DeadLettered + more.DeadLettered, counts.Skipped + more.Skipped);
        }

        return counts;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ') is [var one, var five, var fifteen, ..]
        ? $"{one} {five} {fifteen}"
        : "unknown";
}
