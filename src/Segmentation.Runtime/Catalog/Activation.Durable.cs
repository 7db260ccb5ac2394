using Segmentation.Runtime.Durability;
using Segmentation.Runtime.Hosting;
using Segmentation.Runtime.Reminders;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Catalog;

internal sealed partial class Activation
{
    /// <summary>The last log offset applied to this grain (log-fed grains only).</summary>
    public long AppliedOffset { get; private set; }

    /// <summary>Changed since its last snapshot.</summary>
    public bool IsDirty
    {
        get => Volatile.Read(ref _isDirty);
        private set => Volatile.Write(ref _isDirty, value);
    }

    private bool _isDirty;

    /// <summary>While dirty: the first record applied since the last snapshot (a checkpoint must stay below it).</summary>
    private long _firstUnsnapshotted;

    /// <summary>While dirty: how many records were applied since the last snapshot.</summary>
    private int _recordsSinceSnapshot;

    /// <summary>While dirty: the payload bytes of the records applied since the last snapshot.</summary>
    private long _bytesSinceSnapshot;

    /// <summary>The size of the grain's last snapshot, read or taken: what writing the next one roughly costs.</summary>
    private long _lastSnapshotBytes;

    /// <summary>While dirty: when the first record since the last snapshot was applied (UTC ticks).</summary>
    private long _dirtySinceTicks;

    private DateTimeOffset DirtySince => new(Volatile.Read(ref _dirtySinceTicks), TimeSpan.Zero);

    /// <summary>Applies one log record like <see cref="ApplyRecordAsync"/>; a failure is logged and the record skipped.</summary>
    public async ValueTask TryApplyRecordAsync(LogRecord record)
    {
        try
        {
            await ApplyRecordAsync(record);
        }
        catch (Exception exception)
        {
            Log.ApplyFailed(exception, record.Partition, record.Offset, record.Target);
        }
    }

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
            _bytesSinceSnapshot += record.Payload.Length;
            if (!IsDirty)
            {
                MarkDirty(record.Offset, Runtime.TimeProvider.GetUtcNow());
            }
        }
    }

    /// <summary>
    /// For a checkpoint, inside a turn: the snapshot when one is due under <paramref name="mode"/>; otherwise, for a
    /// changed grain, the first record the checkpoint must stay below (the grain stays dirty for the next one).
    /// A periodic checkpoint snapshots a grain once it applied <see cref="Configuration.SiloOptions.SnapshotAfterRecords"/>
    /// records whose payloads add up to at least its last snapshot's size, or once it waited
    /// <see cref="Configuration.SiloOptions.MaxSnapshotDelay"/>: a grain with a large state and small records (an outbox
    /// shard, a segment's members) is written about as often as its records add its size to the log, not at every
    /// checkpoint, so the bytes its snapshots write stay in proportion to the log's rather than growing with its state.
    /// </summary>
    public SnapshotDecision TakeSnapshot(SnapshotMode mode, DateTimeOffset now)
    {
        if (!IsDirty || _grain is null)
        {
            return default;
        }

        if (mode == SnapshotMode.Due && !IsSnapshotDue(now))
        {
            Runtime.Partitions[Partition].MarkDirty(this);
            return new SnapshotDecision(null, _firstUnsnapshotted, DirtySince);
        }

        IsDirty = false;
        _recordsSinceSnapshot = 0;
        _bytesSinceSnapshot = 0;
        var snapshot = new GrainSnapshot(GrainId, ((IDurableGrain)_grain).WriteSnapshot(), AppliedOffset);
        _lastSnapshotBytes = snapshot.Data.Length;
        return new SnapshotDecision(snapshot, _firstUnsnapshotted, DirtySince);
    }

    /// <summary>
    /// For a periodic checkpoint, without a turn: true when the grain is changed, active and its snapshot clearly not
    /// due yet, with the first record the checkpoint must stay below; the grain stays dirty for the next checkpoint.
    /// A checkpoint asks this of every changed grain every <see cref="Configuration.SiloOptions.CheckpointInterval"/>,
    /// most of which wait for <see cref="Configuration.SiloOptions.MaxSnapshotDelay"/>: a turn for each would queue
    /// work behind every one of them. Read while the grain's turns run: a record applied meanwhile only makes the
    /// snapshot due at the next checkpoint, and the first unsnapshotted record read is never after the grain's own,
    /// which moves forward only when a snapshot is taken, inside a turn. False sends the grain to
    /// <see cref="TakeSnapshot"/>.
    /// </summary>
    public bool TryDeferSnapshot(DateTimeOffset now, out long firstUnsnapshotted)
    {
        // The flag first: once it reads set, the offset read after it is of this change or a later one.
        var dirty = IsDirty;
        firstUnsnapshotted = Volatile.Read(ref _firstUnsnapshotted);
        if (!dirty || State != ActivationState.Valid || IsSnapshotDue(now))
        {
            return false;
        }

        Runtime.Partitions[Partition].MarkDirty(this);
        return true;
    }

    private bool IsSnapshotDue(DateTimeOffset now)
    {
        var options = Runtime.Options;
        return now - DirtySince >= options.MaxSnapshotDelay
            || (Volatile.Read(ref _recordsSinceSnapshot) >= options.SnapshotAfterRecords
                && Volatile.Read(ref _bytesSinceSnapshot) >= Volatile.Read(ref _lastSnapshotBytes));
    }

    /// <summary>A snapshot that was taken could not be written: the grain is dirty again since what it covered.</summary>
    public void MarkDirtyAgain(SnapshotDecision decision)
    {
        if (IsDirty)
        {
            // Records applied after the failed snapshot made it dirty again already; the earlier ones count too.
            Volatile.Write(ref _firstUnsnapshotted, Math.Min(_firstUnsnapshotted, decision.FirstUnsnapshotted));
            Volatile.Write(ref _dirtySinceTicks, Math.Min(_dirtySinceTicks, decision.DirtySince.UtcTicks));
            return;
        }

        MarkDirty(decision.FirstUnsnapshotted, decision.DirtySince);
    }

    private void MarkDirty(long firstOffset, DateTimeOffset since)
    {
        // Written before the flag, so a checkpoint that reads the flag set reads these of this change or a later one.
        Volatile.Write(ref _firstUnsnapshotted, firstOffset);
        Volatile.Write(ref _dirtySinceTicks, since.UtcTicks);
        IsDirty = true;
        Runtime.Partitions[Partition].MarkDirty(this);
    }
}
