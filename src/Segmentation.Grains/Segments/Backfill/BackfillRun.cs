namespace Segmentation.Grains.Segments;

/// <summary>A running backfill, shared by the loops that go through its shards at once: where each shard starts, how far it got, what it sends.</summary>
internal sealed class BackfillRun(
    string segmentId, int version, IReadOnlyList<int> shardCounts, IReadOnlyList<string?> after, IReadOnlyList<bool> shardDone, AppendWindow appends)
{
    private long _checked;
    private long _asked;
    private long _outstanding;
    private volatile bool _stopped;

    public string SegmentId { get; } = segmentId;

    public int Version { get; } = version;

    /// <summary>Each shard's count at the start: the customers of the shard the backfill goes through.</summary>
    public IReadOnlyList<int> ShardCounts { get; } = shardCounts;

    /// <summary>The key each shard goes on after (null: from its first).</summary>
    public IReadOnlyList<string?> After { get; } = after;

    /// <summary>The shards a previous run of this backfill finished.</summary>
    public IReadOnlyList<bool> ShardDone { get; } = shardDone;

    public long Total => ShardCounts.Sum(static c => (long)c);

    public AppendWindow Appends { get; } = appends;

    /// <summary>The <see cref="RecordKinds.SegmentEvaluate"/> payload, the same for every customer.</summary>
    public byte[] Payload { get; } = SegmentEvaluation.Encode(segmentId, version);

    /// <summary>Customers checked by this run.</summary>
    public long Checked => Interlocked.Read(ref _checked);

    /// <summary>Customers this run asked to evaluate.</summary>
    public long Asked => Interlocked.Read(ref _asked);

    /// <summary>Customers asked that had not reported back when last known.</summary>
    public long Outstanding
    {
        get => Interlocked.Read(ref _outstanding);
        set => Interlocked.Exchange(ref _outstanding, value);
    }

    /// <summary>A newer version was saved, or the segment deleted: every loop stops at its next page.</summary>
    public bool Stopped => _stopped;

    public void Stop() => _stopped = true;

    /// <summary>A page of <paramref name="count"/> customers was recorded, <paramref name="asked"/> of them asked.</summary>
    public void Counted(int count, int asked)
    {
        Interlocked.Add(ref _checked, count);
        Interlocked.Add(ref _asked, asked);
        Interlocked.Add(ref _outstanding, asked);
    }
}
