using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Scheduler;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// One grain's records taken from the recovery backlog, as one turn: reads their bodies from storage (in the turn, not
/// under the activation's lock that queued it) and applies them in log order, reporting each done to its partition and
/// to the backlog. A record that fails to apply is logged and skipped, as any record. When the bodies cannot be read the
/// records are not skipped: they go back to the backlog, held below every checkpoint (for the grain's next activation,
/// or the next start), the catch-up fails (so the host stops), and the activation is dropped with what is queued behind
/// (see <see cref="Activation.Abandon"/>), so that nothing runs on a grain missing acknowledged records. A record sent
/// to the grain meanwhile is skipped there but stays in the log: its offset is above the held ones, which keep every
/// checkpoint of the partition below them.
/// </summary>
internal sealed class ApplyBacklogWorkItem(List<LogIndexEntry> entries, PartitionState partition, RecoveryBacklog backlog) : WorkItem
{
    public override async ValueTask ExecuteAsync(Activation activation)
    {
        IReadOnlyList<LogRecord> records;
        try
        {
            records = await activation.Runtime.Storage.ReadRecordsAsync(partition.Partition, entries);
        }
        catch (Exception exception)
        {
            activation.Log.BacklogReadFailed(exception, entries.Count, partition.Partition, activation.GrainId);
            var failure = new InvalidOperationException(
                $"Reading the {entries.Count} recovered records of {activation.GrainId} failed; they stay in the log for the next start.",
                exception);
            backlog.ReadFailed(activation.GrainId, partition, entries, failure);
            activation.Abandon(failure);
            return;
        }

        foreach (var record in records)
        {
            await activation.TryApplyRecordAsync(record);
            Done(record.Offset);
        }
    }

    public override void Fail(Exception exception)
    {
        // The activation could not be created (logged there): the records are skipped, as any record sent to it.
        foreach (var entry in entries)
        {
            Done(entry.Offset);
        }
    }

    private void Done(long offset)
    {
        partition.Completed(offset);
        backlog.Applied();
    }
}
