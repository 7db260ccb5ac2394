using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Scheduler;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// Writes checkpoints: for a partition, the snapshots of the activations changed since the last one, the pending
/// reminder changes and the applied offset, in one transaction; so recovery replays only what follows it. Each
/// checkpoint also deletes the covered log records older than <see cref="Configuration.SiloOptions.LogRetention"/>
/// (see <see cref="LogRetentionPolicy"/>); an unchanged partition still prunes now and then.
/// </summary>
internal sealed class CheckpointService(SiloRuntime runtime)
{
    // When each partition last deleted what its retention allowed; MinValue: not since the silo started.
    private readonly DateTimeOffset[] _lastPruned = Enumerable.Repeat(DateTimeOffset.MinValue, runtime.Options.PartitionCount).ToArray();

    public async Task CheckpointAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var partition in runtime.Partitions)
        {
            await CheckpointAsync(partition, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CheckpointAsync(PartitionState partition, CancellationToken cancellationToken = default)
    {
        // Everything at or below this offset is applied, so snapshots taken from now on cover it.
        var checkpointOffset = partition.AppliedThrough;
        var dirty = partition.TakeDirty();
        var now = runtime.TimeProvider.GetUtcNow();
        var retention = runtime.Options.LogRetention;
        if (dirty.Count == 0 && !runtime.Reminders.HasPendingChanges(partition.Partition)
            && checkpointOffset == partition.StoredCheckpoint
            && !LogRetentionPolicy.IsIdlePruneDue(_lastPruned[partition.Partition], now, retention))
        {
            return;
        }

        var taken = await TakeSnapshotsAsync(dirty).ConfigureAwait(false);

        // What the snapshotted turns appended elsewhere must be durable before the snapshots are.
        await partition.WhenOutgoingDurableAsync().ConfigureAwait(false);

        // Taken after the snapshots, so every reminder change a snapshot covers is written with it.
        var reminderChanges = runtime.Reminders.PendingChanges(partition.Partition);
        var snapshots = taken.Where(static pair => pair.Snapshot is not null).Select(static pair => pair.Snapshot!).ToList();
        var (truncateThrough, truncateBefore) = LogRetentionPolicy.Truncation(checkpointOffset, now, retention);
        try
        {
            await runtime.Storage.WriteCheckpointAsync(
                new PartitionCheckpoint(
                    partition.Partition, checkpointOffset, snapshots, reminderChanges, truncateThrough, truncateBefore),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            runtime.Logger.CheckpointFailed(exception, partition.Partition);
            foreach (var (activation, snapshot) in taken)
            {
                if (snapshot is not null)
                {
                    activation.MarkDirtyAgain();
                }
            }

            throw;
        }

        partition.StoredCheckpoint = checkpointOffset;
        _lastPruned[partition.Partition] = now;
        runtime.Reminders.Persisted(partition.Partition, reminderChanges);
    }

    /// <summary>Writes one activation's snapshot (on collection), with its pending reminder changes; called inside its turn.</summary>
    public async Task WriteGrainSnapshotAsync(Activation activation)
    {
        var snapshot = activation.TakeSnapshot();
        if (snapshot is null)
        {
            return;
        }

        var partition = runtime.Partitions[activation.Partition];
        await partition.WhenOutgoingDurableAsync().ConfigureAwait(false);
        var reminderChanges = runtime.Reminders.PendingChanges(activation.Partition, activation.GrainId);
        try
        {
            await runtime.Storage.WriteCheckpointAsync(
                new PartitionCheckpoint(activation.Partition, partition.StoredCheckpoint, [snapshot], reminderChanges, 0))
                .ConfigureAwait(false);
        }
        catch
        {
            activation.MarkDirtyAgain();
            throw;
        }

        runtime.Reminders.Persisted(activation.Partition, reminderChanges);
    }

    private static async Task<(Activation Activation, GrainSnapshot? Snapshot)[]> TakeSnapshotsAsync(HashSet<Activation> dirty)
    {
        var pending = new List<(Activation, Task<GrainSnapshot?>)>(dirty.Count);
        foreach (var activation in dirty)
        {
            var item = new ActionWorkItem<GrainSnapshot?>(static a => ValueTask.FromResult(a.TakeSnapshot()));
            // A collected activation wrote its own snapshot on the way out.
            pending.Add((activation, activation.TryEnqueue(item) ? item.Task : Task.FromResult<GrainSnapshot?>(null)));
        }

        var result = new (Activation, GrainSnapshot?)[pending.Count];
        for (var i = 0; i < pending.Count; i++)
        {
            var (activation, task) = pending[i];
            try
            {
                result[i] = (activation, await task.ConfigureAwait(false));
            }
            catch (Exception)
            {
                // The activation failed to start, so it has no state of its own to write.
                result[i] = (activation, null);
            }
        }

        return result;
    }
}
