namespace Segmentation.Grains.Segments;

/// <summary>
/// The payload of a <see cref="RecordKinds.SegmentEvaluate"/> record: a backfill asks a customer to evaluate its
/// segments now and to report to segment <see cref="SegmentId"/> that it did, for <see cref="Version"/>.
/// </summary>
public sealed record SegmentEvaluation(string SegmentId, int Version)
{
    public static byte[] Encode(string segmentId, int version)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        return SegmentPayload.Write(writer =>
        {
            writer.Write(segmentId);
            writer.Write(version);
        });
    }

    public static SegmentEvaluation Decode(byte[] payload) =>
        SegmentPayload.Read(payload, static reader => new SegmentEvaluation(reader.ReadString(), reader.ReadInt32()));
}
