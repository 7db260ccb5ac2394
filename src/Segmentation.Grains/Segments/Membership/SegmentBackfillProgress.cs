namespace Segmentation.Grains.Segments;

/// <summary>
/// The progress of the latest backfill a segment grain was told of: which version, over how many customers, how many
/// distinct customers reported back (a replayed report counts once), and when it completed.
/// </summary>
internal sealed class SegmentBackfillProgress
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

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
        _reported.Clear();
        CompletedAt = Total <= 0 ? start.StartedAt : null;
    }

    /// <summary>Counts a customer's report for the running version; the last one completes the backfill at <paramref name="time"/>.</summary>
    public void Report(SegmentBackfillReport report, DateTimeOffset time)
    {
        if (report.Version != Version || CompletedAt is not null || !_reported.Add(report.CustomerId))
        {
            return;
        }

        Evaluated++;
        if (Evaluated >= Total)
        {
            CompletedAt = time;
            _reported.Clear();
        }
    }

    public SegmentBackfill? ToContract() => Started
        ? new SegmentBackfill(CompletedAt is null ? SegmentBackfillState.Running : SegmentBackfillState.Complete, Version, Evaluated, Total, StartedAt, CompletedAt)
        : null;

    public void Write(BinaryWriter writer)
    {
        writer.Write(Version);
        writer.Write(Total);
        writer.Write(Evaluated);
        writer.Write(StartedAt.UtcTicks);
        writer.Write(CompletedAt?.UtcTicks ?? -1);
        writer.Write7BitEncodedInt(_reported.Count);
        foreach (var customer in _reported)
        {
            writer.Write(customer);
        }
    }

    public void Read(BinaryReader reader)
    {
        Version = reader.ReadInt32();
        Total = reader.ReadInt64();
        Evaluated = reader.ReadInt64();
        StartedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        CompletedAt = reader.ReadInt64() is var completed and >= 0 ? new DateTimeOffset(completed, TimeSpan.Zero) : null;
        _reported.Clear();
        var count = reader.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            _reported.Add(reader.ReadString());
        }
    }
}
