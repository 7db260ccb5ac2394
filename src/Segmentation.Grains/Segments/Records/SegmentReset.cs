namespace Segmentation.Grains.Segments;

/// <summary>
/// The payload of a <see cref="RecordKinds.SegmentReset"/> record, appended by the catalog when a segment id is
/// created (before anyone can evaluate it) and when it is deleted: the segment grain forgets everything and from
/// then on ignores deltas of versions before <see cref="FirstVersion"/>, so a deleted segment's late deltas never
/// count in a segment created again with the same id.
/// </summary>
internal sealed record SegmentReset(int FirstVersion)
{
    public byte[] Encode() => SegmentPayload.Write(writer => writer.Write(FirstVersion));

    public static SegmentReset Decode(byte[] payload) => SegmentPayload.Read(payload, static reader => new SegmentReset(reader.ReadInt32()));
}
