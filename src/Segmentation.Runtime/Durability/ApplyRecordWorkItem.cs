using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Scheduler;

namespace Segmentation.Runtime.Durability;

/// <summary>Applies one durable log record as a turn and reports it done to its partition.</summary>
internal sealed class ApplyRecordWorkItem(LogRecord record, PartitionState partition) : WorkItem
{
    public override async ValueTask ExecuteAsync(Activation activation)
    {
        await activation.TryApplyRecordAsync(record);
        partition.Completed(record.Offset);
    }

    public override void Fail(Exception exception) => partition.Completed(record.Offset);
}
