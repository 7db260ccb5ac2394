namespace Segmentation.Grains.Segments;

/// <summary>
/// The payload of a <see cref="RecordKinds.SegmentBackfillStarted"/> record: the backfill of <see cref="Version"/>
/// starts over <see cref="Total"/> customers, the first <see cref="ShardCounts"/>[n] registered in registry shard n.
/// The segment grain resets that version's progress, counts the customers the backfill's pages settle and those it
/// asked that report back, and marks the backfill complete once <see cref="Total"/> are counted.
/// </summary>
public sealed record SegmentBackfillStart(int Version, long Total, DateTimeOffset StartedAt, IReadOnlyList<int> ShardCounts)
{
    public byte[] Encode() => SegmentPayload.Write(writer =>
    {
        writer.Write(Version);
        writer.Write(Total);
        writer.Write(StartedAt.UtcTicks);
        writer.Write7BitEncodedInt(ShardCounts.Count);
        foreach (var count in ShardCounts)
        {
            writer.Write7BitEncodedInt(count);
        }
    });

    /// <summary>Reads a payload; one written before shard counts were recorded has none (such a backfill cannot resume where it stopped).</summary>
    public static SegmentBackfillStart Decode(byte[] payload) => SegmentPayload.Read(payload, static reader =>
    {
        var version = reader.ReadInt32();
        var total = reader.ReadInt64();
        var startedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var counts = new int[reader.BaseStream.Position < reader.BaseStream.Length ? reader.Read7BitEncodedInt() : 0];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = reader.Read7BitEncodedInt();
        }

        return new SegmentBackfillStart(version, total, startedAt, counts);
    });
}
