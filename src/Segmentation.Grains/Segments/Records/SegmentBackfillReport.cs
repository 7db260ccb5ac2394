namespace Segmentation.Grains.Segments;

/// <summary>The payload of a <see cref="RecordKinds.SegmentBackfilled"/> record: this customer evaluated the segment for this version.</summary>
internal sealed record SegmentBackfillReport(string CustomerId, int Version)
{
    public byte[] Encode() => SegmentPayload.Write(writer =>
    {
        writer.Write(CustomerId);
        writer.Write(Version);
    });

    public static SegmentBackfillReport Decode(byte[] payload) =>
        SegmentPayload.Read(payload, static reader => new SegmentBackfillReport(reader.ReadString(), reader.ReadInt32()));
}
