namespace Segmentation.Grains.Segments;

/// <summary>
/// The payload of a <see cref="RecordKinds.SegmentBackfillStarted"/> record: the backfill of <see cref="Version"/>
/// starts over <see cref="Total"/> customers. The segment grain resets that version's progress, counts the distinct
/// customers that report back, and marks the backfill complete once <see cref="Total"/> have.
/// </summary>
public sealed record SegmentBackfillStart(int Version, long Total, DateTimeOffset StartedAt)
{
    public byte[] Encode() => SegmentPayload.Write(writer =>
    {
        writer.Write(Version);
        writer.Write(Total);
        writer.Write(StartedAt.UtcTicks);
    });

    public static SegmentBackfillStart Decode(byte[] payload) => SegmentPayload.Read(payload, static reader =>
        new SegmentBackfillStart(reader.ReadInt32(), reader.ReadInt64(), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero)));
}
