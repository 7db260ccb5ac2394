using System.Collections.Concurrent;
using Segmentation.Runtime.Durability;

namespace Segmentation.Runtime.Hosting;

public sealed partial class Silo
{
    /// <summary>
    /// Reads the index of every partition's records after its checkpoint into the backlog (offsets, grains and locators;
    /// the bodies are read when the records are applied), one reader per core. The readers run on threads of their own,
    /// not the thread pool's: meanwhile the host goes on starting (its web server among the rest), so the silo listens
    /// as soon as it is ready instead of after the read. The first reader to fail stops the others.
    /// </summary>
    private async Task<RecoveryBacklog> ReadBacklogAsync(CancellationToken cancellationToken)
    {
        var backlog = new RecoveryBacklog(Runtime.Partitions.Length);
        var partitions = new ConcurrentQueue<PartitionState>(Runtime.Partitions);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = new Task[Math.Min(Environment.ProcessorCount, Runtime.Partitions.Length)];
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i] = Task.Factory.StartNew(
                () => ReadPartitionsAsync(partitions, backlog, failed),
                failed.Token,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap();
        }

        await Task.WhenAll(readers).ConfigureAwait(false);
        return backlog;
    }

    private async Task ReadPartitionsAsync(
        ConcurrentQueue<PartitionState> partitions, RecoveryBacklog backlog, CancellationTokenSource failed)
    {
        var token = failed.Token;
        try
        {
            while (partitions.TryDequeue(out var partition))
            {
                var checkpoint = await Runtime.Storage.ReadCheckpointAsync(partition.Partition, token).ConfigureAwait(false);
                var last = await Runtime.Storage.ReadLastOffsetAsync(partition.Partition, token).ConfigureAwait(false);
                partition.Reset(checkpoint, last);
                await foreach (var entry in Runtime.Storage.ReadIndexAsync(partition.Partition, checkpoint, token).ConfigureAwait(false))
                {
                    backlog.Add(partition, entry);
                }
            }
        }
        catch (Exception)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
