using System.Diagnostics;
using Segmentation.Domain.Profiles;

namespace Segmentation.Benchmarks.Ingestion;

/// <summary>
/// What customer profiles cost the garbage collector: the heap that a population with 90 days of load-generator
/// history holds, per customer and per applied event, and how much longer a full blocking collection takes with it
/// (the collector traces every live object, so this is the cost that kept events add to each gen 2 collection).
/// Measured for the profiles as the events built them and as restored from their snapshots (after a restart or
/// reactivation).
/// </summary>
public static class ProfileMemoryReport
{
    private const int Collections = 9;

    public static void Run(int customers, int historyEvents)
    {
        var emptyHeap = ManagedHeap.AfterFullCompaction();
        var emptyPause = FullCollectionMilliseconds();
        var (_, profiles, applied) = ShopperTraffic.ApplyHistory(customers, historyEvents, batchSize: 100);
        Report("applied", profiles.Count, applied, emptyHeap, emptyPause);

        var snapshots = profiles.Values.Select(CustomerProfileSerializer.Serialize).ToList();
        profiles = null;
        emptyHeap = ManagedHeap.AfterFullCompaction();
        emptyPause = FullCollectionMilliseconds();
        var restored = snapshots.Select(static s => CustomerProfileSerializer.Deserialize(s)).ToList();
        Report("restored", restored.Count, applied, emptyHeap, emptyPause);
        GC.KeepAlive(restored);
    }

    private static void Report(string how, int customers, long events, long emptyHeap, double emptyPause)
    {
        var heap = ManagedHeap.AfterFullCompaction() - emptyHeap;
        var pause = FullCollectionMilliseconds() - emptyPause;
        Console.WriteLine(
            $"profiles {how}: {customers:N0} customers, {events:N0} events over 90 days: heap {heap / 1048576.0:N1} MB " +
            $"({heap / (double)customers:N0} B per customer, {heap / (double)events:N0} B per event); " +
            $"full collection +{pause:N1} ms ({pause * 1000 / customers:N1} µs per customer)");
    }

    /// <summary>The shortest of several full, blocking, non-compacting collections (the least disturbed by other work).</summary>
    private static double FullCollectionMilliseconds()
    {
        var durations = new double[Collections];
        for (var i = 0; i < Collections; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            durations[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        return durations.Min();
    }
}
