using Segmentation.Runtime.Durability;
using Segmentation.Runtime.Reminders;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Catalog;

internal sealed partial class Activation
{
    /// <summary>The last log offset applied to this grain (log-fed grains only).</summary>
    public long AppliedOffset { get; private set; }

    /// <summary>Changed since its last snapshot.</summary>
    public bool IsDirty { get; private set; }

    /// <summary>While dirty: the first record applied since the last snapshot (a checkpoint must stay below it).</summary>
    private long _firstUnsnapshotted;

    /// <summary>While dirty: how many records were applied since the last snapshot.</summary>
    private int _recordsSinceSnapshot;

    /// <summary>While dirty: when the first record since the last snapshot was applied.</summary>
    private DateTimeOffset _dirtySince;

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
            _recordsSinceSnapshot++;
            if (!IsDirty)
            {
                MarkDirty(record.Offset, Runtime.TimeProvider.GetUtcNow());
            }
        }
    }

    /// <summary>
    /// For a checkpoint, inside a turn: the snapshot when one is due under <paramref name="mode"/>; otherwise, for a
    /// changed grain, the first record the checkpoint must stay below (the grain stays dirty for the next one).
    /// </summary>
    public SnapshotDecision TakeSnapshot(SnapshotMode mode, DateTimeOffset now)
    {
        if (!IsDirty || _grain is null)
        {
            return default;
        }

        var options = Runtime.Options;
        if (mode == SnapshotMode.Due && _recordsSinceSnapshot < options.SnapshotAfterRecords
            && now - _dirtySince < options.MaxSnapshotDelay)
        {
            Runtime.Partitions[Partition].MarkDirty(this);
            return new SnapshotDecision(null, _firstUnsnapshotted, _dirtySince);
        }

        IsDirty = false;
        _recordsSinceSnapshot = 0;
        var snapshot = new GrainSnapshot(GrainId, ((IDurableGrain)_grain).WriteSnapshot(), AppliedOffset);
        return new SnapshotDecision(snapshot, _firstUnsnapshotted, _dirtySince);
    }

    /// <summary>A snapshot that was taken could not be written: the grain is dirty again since what it covered.</summary>
    public void MarkDirtyAgain(SnapshotDecision decision)
    {
        if (IsDirty)
        {
            // Records applied after the failed snapshot made it dirty again already; the earlier ones count too.
            _firstUnsnapshotted = Math.Min(_firstUnsnapshotted, decision.FirstUnsnapshotted);
            _dirtySince = decision.DirtySince < _dirtySince ? decision.DirtySince : _dirtySince;
            return;
        }

        MarkDirty(decision.FirstUnsnapshotted, decision.DirtySince);
    }

    private void MarkDirty(long firstOffset, DateTimeOffset since)
    {
        IsDirty = true;
        _firstUnsnapshotted = firstOffset;
        _dirtySince = since;
        Runtime.Partitions[Partition].MarkDirty(this);
    }
}
