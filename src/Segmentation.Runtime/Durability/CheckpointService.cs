using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Scheduler;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// Writes checkpoints: for a partition, the snapshots of the activations changed since the last one, the pending
/// reminder changes and the applied offset, in one transaction; so recovery replays only what follows it. Each
/// checkpoint also deletes the covered log records older than <see cref="Configuration.SiloOptions.LogRetention"/>
/// (see <see cref="LogRetentionPolicy"/>); an unchanged partition still prunes now and then. The periodic
/// checkpoint defers the snapshots of grains that changed little (<see cref="SnapshotMode.Due"/>) and stays below
/// their first unsnapshotted record; a grain whose snapshot is plainly not due is told so without a turn
/// (<see cref="Activation.TryDeferSnapshot"/>), the others in a turn of their own.
/// </summary>
internal sealed class CheckpointService(SiloRuntime runtime)
{
    // When each partition last deleted what its retention allowed; MinValue: not since the silo started.
    private readonly DateTimeOffset[] _lastPruned = Enumerable.Repeat(DateTimeOffset.MinValue, runtime.Options.PartitionCount).ToArray();

    public async Task CheckpointAllAsync(SnapshotMode mode, CancellationToken cancellationToken = default)
    {
        foreach (var partition in runtime.Partitions)
        {
            await CheckpointAsync(partition, mode, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CheckpointAsync(PartitionState partition, SnapshotMode mode, CancellationToken cancellationToken = default)
    {
        // Everything at or below this offset is applied, so snapshots taken from now on cover it.
        var appliedThrough = partition.AppliedThrough;
        var dirty = partition.TakeDirty();
        var now = runtime.TimeProvider.GetUtcNow();
        var retention = runtime.Options.LogRetention;
        if (dirty.Count == 0 && !runtime.Reminders.HasPendingChanges(partition.Partition)
            && appliedThrough == partition.StoredCheckpoint
            && !LogRetentionPolicy.IsIdlePruneDue(_lastPruned[partition.Partition], now, retention))
        {
            return;
        }

        var checkpointOffset = appliedThrough;
        var asked = new List<Activation>(mode == SnapshotMode.All ? dirty.Count : 0);
        foreach (var activation in dirty)
        {
            if (mode == SnapshotMode.Due && activation.TryDeferSnapshot(now, out var firstUnsnapshotted))
            {
                checkpointOffset = Math.Min(checkpointOffset, firstUnsnapshotted - 1);
            }
            else
            {
                asked.Add(activation);
            }
        }

        var taken = await TakeSnapshotsAsync(asked, mode, now).ConfigureAwait(false);
        foreach (var (_, decision) in taken)
        {
            if (decision.IsDeferred)
            {
                checkpointOffset = Math.Min(checkpointOffset, decision.FirstUnsnapshotted - 1);
            }
        }

        checkpointOffset = Math.Max(checkpointOffset, partition.StoredCheckpoint);

        // What the snapshotted turns appended elsewhere must be durable before the snapshots are.
        await partition.WhenOutgoingDurableAsync().ConfigureAwait(false);

        // Taken after the snapshots, so every reminder change a snapshot covers is written with it.
        var reminderChanges = runtime.Reminders.PendingChanges(partition.Partition);
        var snapshots = taken.Where(static pair => pair.Decision.Snapshot is not null).Select(static pair => pair.Decision.Snapshot!).ToList();
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
            // A stop cancelling the periodic checkpoint is no failure: the snapshots are dirty again for the final one.
            if (!cancellationToken.IsCancellationRequested)
            {
                runtime.Logger.CheckpointFailed(exception, partition.Partition);
            }

            foreach (var (activation, decision) in taken)
            {
                if (decision.Snapshot is not null)
                {
                    activation.MarkDirtyAgain(decision);
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
        var decision = activation.TakeSnapshot(SnapshotMode.All, runtime.TimeProvider.GetUtcNow());
        if (decision.Snapshot is not { } snapshot)
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
            activation.MarkDirtyAgain(decision);
            throw;
        }

        runtime.Reminders.Persisted(activation.Partition, reminderChanges);
    }

    private static async Task<(Activation Activation, SnapshotDecision Decision)[]> TakeSnapshotsAsync(
        List<Activation> activations, SnapshotMode mode, DateTimeOffset now)
    {
        var pending = new List<(Activation, Task<SnapshotDecision>)>(activations.Count);
        foreach (var activation in activations)
        {
            var item = new ActionWorkItem<SnapshotDecision>(a => ValueTask.FromResult(a.TakeSnapshot(mode, now)));
            // A collected activation wrote its own snapshot on the way out.
            pending.Add((activation, activation.TryEnqueue(item) ? item.Task : Task.FromResult<SnapshotDecision>(default)));
        }

        var result = new (Activation, SnapshotDecision)[pending.Count];
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
                result[i] = (activation, default);
            }
        }

        return result;
    }
}
