using Segmentation.Runtime.Reminders;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Catalog;

internal sealed partial class Activation
{
    /// <summary>The last log offset applied to this grain (log-fed grains only).</summary>
    public long AppliedOffset { get; private set; }

    /// <summary>Changed since its last snapshot.</summary>
    public bool IsDirty { get; private set; }

    /// <summary>Applies one log record, once: a log-fed grain skips records its snapshot already covers.</summary>
    public async ValueTask ApplyRecordAsync(LogRecord record)
    {
        if (TypeInfo.IsDurable && record.Offset <= AppliedOffset)
        {
            return;
        }

        if (record.Kind == ReminderRecord.Kind)
        {
            await Runtime.Reminders.ApplyFiringAsync(this, record);
        }
        else
        {
            await ((IDurableGrain)Grain).ApplyAsync(record, CancellationToken.None);
        }

        if (TypeInfo.IsDurable)
        {
            AppliedOffset = record.Offset;
            if (!IsDirty)
            {
                IsDirty = true;
                Runtime.Partitions[Partition].MarkDirty(this);
            }
        }
    }

    /// <summary>The grain's state for a checkpoint, taken inside a turn; null when nothing changed.</summary>
    public GrainSnapshot? TakeSnapshot()
    {
        if (!IsDirty || _grain is null)
        {
            return null;
        }

        IsDirty = false;
        return new GrainSnapshot(GrainId, ((IDurableGrain)_grain).WriteSnapshot(), AppliedOffset);
    }

    /// <summary>A snapshot that was taken could not be written: the grain is dirty again.</summary>
    public void MarkDirtyAgain()
    {
        IsDirty = true;
        Runtime.Partitions[Partition].MarkDirty(this);
    }
}
