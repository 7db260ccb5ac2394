using System.Diagnostics;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Benchmarks.Triggers;

/// <summary>
/// One look at the silo during the reminder load: firings delivered so far (the runtime's lateness count), reminders
/// held in memory, live activations, the process's resident memory and the managed heap (as of the last collection).
/// </summary>
internal readonly record struct ReminderLoadSample(
    DateTimeOffset At, long Fired, int RemindersInMemory, int Activations, long WorkingSetBytes, long HeapBytes)
{
    public static ReminderLoadSample Take(RuntimeSilo silo)
    {
        using var process = Process.GetCurrentProcess();
        return new ReminderLoadSample(
            DateTimeOffset.UtcNow,
            silo.ReminderLateness.Count,
            silo.InMemoryReminderCount,
            silo.ActivationCount,
            process.WorkingSet64,
            GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    public static string Mib(long bytes) => $"{bytes / (double)(1 << 20):N0} MiB";

    public override string ToString() =>
        $"{RemindersInMemory:N0} reminders in memory, {Activations:N0} activations, {Mib(WorkingSetBytes)} resident, {Mib(HeapBytes)} managed heap";
}
