using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

/// <summary>
/// One segment's membership (key = segment id), fed by its customers' deltas: the live count with entered and left
/// totals, the members sorted by customer id, the size history, and the progress of the latest backfill. Deltas are
/// idempotent (see <see cref="SegmentMemberSet"/>); a reset from the catalog, when the id is deleted or created again,
/// clears everything and makes older versions' deltas count for nothing.
/// </summary>
[GrainType("segment")]
public sealed class SegmentGrain : Grain, IDurableGrain
{
    /// <summary>The largest members page.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>2: the backfill progress with its shard cursors and the customers it waits for; 1 (still read): without.</summary>
    private const byte FormatVersion = 2;

    private int _firstVersion;
    private long _entered;
    private long _left;
    private SegmentMemberSet _members = new();
    private SegmentSizeHistory _history = new();
    private SegmentBackfillProgress _backfill = new();

    public static GrainId IdOf(string segmentId) => new("segment", segmentId);

    public ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        switch (record.Kind)
        {
            case RecordKinds.SegmentDelta:
                var delta = SegmentDelta.Decode(record.Payload);
                ApplyDelta(delta);
                _backfill.Report(delta.CustomerId, delta.Version, record.Time);
                break;
            case RecordKinds.SegmentBackfillStarted:
                var start = SegmentBackfillStart.Decode(record.Payload);
                if (start.Version >= _firstVersion)
                {
                    _backfill.Start(start);
                }

                break;
            case RecordKinds.SegmentBackfillPage:
                _backfill.Page(SegmentBackfillPage.Decode(record.Payload), record.Time);
                break;
            case RecordKinds.SegmentBackfilled:
                var report = SegmentBackfillReport.Decode(record.Payload);
                _backfill.Report(report.CustomerId, report.Version, record.Time);
                break;
            case RecordKinds.SegmentReset:
                Reset(SegmentReset.Decode(record.Payload).FirstVersion);
                break;
            default:
                throw new InvalidOperationException($"A segment does not take records of kind '{record.Kind}'.");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<SegmentStatus> GetStatusAsync() =>
        ValueTask.FromResult(new SegmentStatus(_members.Count, _entered, _left, _backfill.ToContract()));

    /// <summary>Where the running backfill got to; null when none is running.</summary>
    internal ValueTask<SegmentBackfillCursor?> GetBackfillCursorAsync() => ValueTask.FromResult(_backfill.ToCursor());

    /// <summary>Up to <paramref name="limit"/> (at most <see cref="MaxPageSize"/>) members after <paramref name="afterCustomerId"/>, by id.</summary>
    public ValueTask<SegmentMembersPage> GetMembersAsync(string? afterCustomerId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var (members, more) = _members.Page(afterCustomerId, Math.Min(limit, MaxPageSize));
        var cursor = more ? SegmentMemberCursor.Encode(members[^1].CustomerId) : null;
        return ValueTask.FromResult(new SegmentMembersPage(members, cursor, _members.Count));
    }

    /// <summary>The size history up to now at the given resolution (see <see cref="SegmentSizeSeries.Points"/>).</summary>
    public ValueTask<IReadOnlyList<SegmentSizePoint>> GetHistoryAsync(SegmentHistoryResolution resolution) =>
        ValueTask.FromResult<IReadOnlyList<SegmentSizePoint>>(_history.Points(resolution, TimeProvider.GetUtcNow()));

    public byte[] WriteSnapshot()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(FormatVersion);
            writer.Write(_firstVersion);
            writer.Write(_entered);
            writer.Write(_left);
            _members.Write(writer);
            _history.Write(writer);
            _backfill.Write(writer);
        }

        return buffer.ToArray();
    }

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot)
    {
        using var reader = new BinaryReader(new MemoryStream(snapshot.ToArray()));
        var version = reader.ReadByte();
        if (version is not (1 or FormatVersion))
        {
            throw new FormatException($"Unknown segment snapshot format {version}.");
        }

        _firstVersion = reader.ReadInt32();
        _entered = reader.ReadInt64();
        _left = reader.ReadInt64();
        _members = SegmentMemberSet.Read(reader);
        _history.Read(reader);
        _backfill.Read(reader, withCursor: version >= 2);
    }

    private void ApplyDelta(SegmentDelta delta)
    {
        if (delta.Version < _firstVersion || !_members.Apply(delta))
        {
            return;
        }

        if (delta.Entered)
        {
            _entered++;
        }
        else
        {
            _left++;
        }

        _history.Record(delta.Time, delta.Entered);
    }

    private void Reset(int firstVersion)
    {
        if (firstVersion <= _firstVersion)
        {
            return;
        }

        _firstVersion = firstVersion;
        _entered = 0;
        _left = 0;
        _members = new SegmentMemberSet();
        _history = new SegmentSizeHistory();
        _backfill = new SegmentBackfillProgress();
    }
}
