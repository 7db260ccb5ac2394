using System.Diagnostics;
using Segmentation.Benchmarks.Grains;
using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.Sqlite;

namespace Segmentation.Benchmarks;

/// <summary>
/// Memory figures that a throughput benchmark cannot give: the runtime's cost per resident activation, and what
/// a million pending reminders add to a silo. Managed heap after a full collection, before and after.
/// </summary>
public static class MemoryReport
{
    public static async Task RunAsync()
    {
        await ActivationOverheadAsync(200_000);
        await PendingRemindersAsync(1_000_000);
    }

    private static async Task ActivationOverheadAsync(int count)
    {
        await using var silo = await BenchSilo.StartInMemoryAsync();
        var before = Heap();
        for (var i = 0; i < count; i += 1_000)
        {
            await Task.WhenAll(Enumerable.Range(i, 1_000).Select(k =>
                silo.Client.GetGrain<NoOpGrain>($"customer-{k:D8}").InvokeAsync(static g => g.PingAsync()).AsTask()));
        }

        var after = Heap();
        var grainOnly = MeasureGrainObjects(count);
        var keyStrings = MeasureKeys(count);
        var perActivation = (after - before) / (double)count;
        Console.WriteLine($"activations: {count:N0} resident, {perActivation:N0} B each in all; grain object {grainOnly:N0} B, key string {keyStrings:N0} B;");
        Console.WriteLine($"  runtime overhead per activation (beyond grain state and key): {perActivation - grainOnly - keyStrings:N0} B");
        GC.KeepAlive(silo);
    }

    private static async Task PendingRemindersAsync(int count)
    {
        long emptyHeap;
        await using (var empty = await BenchSilo.StartSqliteAsync(BenchSilo.NewDataDirectory()))
        {
            emptyHeap = Heap();
        }

        var directory = BenchSilo.NewDataDirectory();
        var stopwatch = Stopwatch.StartNew();
        await WriteRemindersAsync(directory, count);
        Console.WriteLine($"reminders: wrote {count:N0} pending reminders in {stopwatch.Elapsed.TotalSeconds:N1} s");

        // The silo owns the directory from here and deletes it when disposed.
        await using var silo = await BenchSilo.StartSqliteAsync(directory);
        var loadedHeap = Heap();
        Console.WriteLine(
            $"  silo heap: {emptyHeap / 1048576.0:N1} MB empty, {loadedHeap / 1048576.0:N1} MB with {count:N0} pending " +
            $"({(loadedHeap - emptyHeap) / 1048576.0:+0.0;-0.0} MB); {silo.Silo.InMemoryReminderCount:N0} held in memory (due within the look-ahead)");
    }

    private static async Task WriteRemindersAsync(string directory, int count)
    {
        const int partitions = 64;
        var map = new PartitionMap(partitions);
        await using var storage = new SqliteSiloStorage(new SqliteStorageOptions { DataDirectory = directory });
        await storage.OpenAsync(partitions);
        var now = DateTimeOffset.UtcNow;
        var batch = new List<ReminderChange>(10_000);
        for (var i = 0; i < count; i++)
        {
            var id = new GrainId("sink", $"customer-{i:D8}");
            // Spread over 30 days; the first thousand fall due within the next few seconds.
            var due = i < 1_000 ? now.AddSeconds(2) : now.AddSeconds(60 + (i % (30 * 86_400)));
            batch.Add(ReminderChange.Upsert(new ReminderEntry(id, "lapse", map.GetPartition(id), due, TimeSpan.Zero)));
            if (batch.Count == batch.Capacity)
            {
                await storage.WriteRemindersAsync(batch);
                batch.Clear();
            }
        }

        await storage.WriteRemindersAsync(batch);
    }

    private static long MeasureGrainObjects(int count)
    {
        var before = Heap();
        var grains = new NoOpGrain[count];
        for (var i = 0; i < count; i++)
        {
            grains[i] = new NoOpGrain();
        }

        var after = Heap();
        GC.KeepAlive(grains);
        return (after - before - (count * IntPtr.Size)) / count;
    }

    private static long MeasureKeys(int count)
    {
        var before = Heap();
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = $"customer-{i:D8}";
        }

        var after = Heap();
        GC.KeepAlive(keys);
        return (after - before - (count * IntPtr.Size)) / count;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
