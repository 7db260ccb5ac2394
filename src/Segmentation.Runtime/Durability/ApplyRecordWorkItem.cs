using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Scheduler;

namespace Segmentation.Runtime.Durability;

/// <summary>
/// Applies one durable log record as a turn and reports it done to its partition, and to the recovery backlog when it
/// came from there.
/// </summary>
internal sealed class ApplyRecordWorkItem(LogRecord record, PartitionState partition, RecoveryBacklog? backlog = null) : WorkItem
{
    public override async ValueTask ExecuteAsync(Activation activation)
    {
        try
        {
            await activation.ApplyRecordAsync(record);
        }
        catch (Exception exception)
        {
            activation.Log.ApplyFailed(exception, record.Partition, record.Offset, record.Target);
        }
        finally
        {
            Done();
        }
    }

    public override void Fail(Exception exception) => Done();

    private void Done()
    {
        partition.Completed(record.Offset);
        backlog?.Applied();
    }
}
