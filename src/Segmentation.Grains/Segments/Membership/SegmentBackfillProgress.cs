namespace Segmentation.Grains.Segments;

/// <summary>
/// The progress of the latest backfill a segment grain was told of: which version, over how many customers (and how
/// many of each registry shard), how far through each shard its pages got, how many customers are evaluated (settled
/// by a page, or asked by one and reported back), the customers asked that have not reported yet, and when it completed.
/// A customer counts once: only the report (or a delta of the backfill's version) of a customer the running backfill
/// asked and still waits for counts.
/// </summary>
internal sealed class SegmentBackfillProgress
{
    private readonly HashSet<string> _awaiting = new(StringComparer.Ordinal);
    private int[] _shardCounts = [];
    private string?[] _after = [];
    private bool[] _shardDone = [];

    public int Version { get; private set; }

    public long Total { get; private set; }

    public long Evaluated { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Whether any backfill was started.</summary>
    public bool Started => Version > 0;

    /// <summary>Starts over for <paramref name="start"/>'s version; with no customers it is complete at once.</summary>
    public void Start(SegmentBackfillStart start)
    {
        Version = start.Version;
        Total = start.Total;
        StartedAt = start.StartedAt;
        Evaluated = 0;
        _awaiting.Clear();
        _shardCounts = [.. start.ShardCounts];
        _after = new string?[_shardCounts.Length];
        _shardDone = new bool[_shardCounts.Length];
        CompletedAt = Total <= 0 ? start.StartedAt : null;
    }

    /// <summary>Counts a page of the running version: its settled customers now, its asked ones when they report.</summary>
    public void Page(SegmentBackfillPage page, DateTimeOffset time)
    {
        if (page.Version != Version || CompletedAt is not null || (uint)page.Shard >= (uint)_after.Length)
        {
            return;
        }

        _after[page.Shard] = page.After;
        _shardDone[page.Shard] |= page.ShardDone;
        _awaiting.UnionWith(page.Asked);
        Evaluated += page.Settled;
        CompleteIfCounted(time);
    }

    /// <summary>
    /// Counts a customer the running version asked that evaluated <paramref name="version"/> (its report, or a delta it
    /// sent when it did); the last one completes the backfill at <paramref name="time"/>.
    /// </summary>
    public void Report(string customerId, int version, DateTimeOffset time)
    {
        if (version != Version || CompletedAt is not null || !_awaiting.Remove(customerId))
        {
            return;
        }

        Evaluated++;
        CompleteIfCounted(time);
    }

    public SegmentBackfill? ToContract() => Started
        ? new SegmentBackfill(CompletedAt is null ? SegmentBackfillState.Running : SegmentBackfillState.Complete, Version, Evaluated, Total, StartedAt, CompletedAt)
        : null;

    /// <summary>Where the running backfill got to; null when none is running.</summary>
    public SegmentBackfillCursor? ToCursor() => Started && CompletedAt is null
        ? new SegmentBackfillCursor(Version, _shardCounts, [.. _after], [.. _shardDone], _awaiting.Count)
        : null;

    public void Write(BinaryWriter writer)
    {
        writer.Write(Version);
        writer.Write(Total);
        writer.Write(Evaluated);
        writer.Write(StartedAt.UtcTicks);
        writer.Write(CompletedAt?.UtcTicks ?? -1);
        writer.Write7BitEncodedInt(_shardCounts.Length);
        for (var shard = 0; shard < _shardCounts.Length; shard++)
        {
            writer.Write7BitEncodedInt(_shardCounts[shard]);
            writer.Write(_shardDone[shard]);
            writer.Write(_after[shard] is not null);
            if (_after[shard] is { } after)
            {
                writer.Write(after);
            }
        }

        WriteIds(writer, _awaiting);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; with <paramref name="withCursor"/> false, the format without shard cursors (whose reported ids are dropped: such a backfill starts again).</summary>
    public void Read(BinaryReader reader, bool withCursor)
    {
        Version = reader.ReadInt32();
        Total = reader.ReadInt64();
        Evaluated = reader.ReadInt64();
        StartedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        CompletedAt = reader.ReadInt64() is var completed and >= 0 ? new DateTimeOffset(completed, TimeSpan.Zero) : null;
        var shards = withCursor ? reader.Read7BitEncodedInt() : 0;
        _shardCounts = new int[shards];
        _after = new string?[shards];
        _shardDone = new bool[shards];
        for (var shard = 0; shard < shards; shard++)
        {
            _shardCounts[shard] = reader.Read7BitEncodedInt();
            _shardDone[shard] = reader.ReadBoolean();
            _after[shard] = reader.ReadBoolean() ? reader.ReadString() : null;
        }

        _awaiting.Clear();
        var count = reader.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            if (withCursor)
            {
                _awaiting.Add(id);
            }
        }
    }

    private void CompleteIfCounted(DateTimeOffset time)
    {
        if (Evaluated >= Total)
        {
            CompletedAt = time;
            _awaiting.Clear();
        }
    }

    private static void WriteIds(BinaryWriter writer, HashSet<string> ids)
    {
        writer.Write7BitEncodedInt(ids.Count);
        foreach (var id in ids)
        {
            writer.Write(id);
        }
    }
}
