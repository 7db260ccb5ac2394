namespace Segmentation.Grains.Segments;

/// <summary>
/// The payload of a <see cref="RecordKinds.SegmentDelta"/> record: a customer entered or left a segment, evaluated
/// against definition <see cref="Version"/> at <see cref="Time"/> because of <see cref="Cause"/> (an event name or
/// call type, <c>time</c> for a window running out, <c>definition</c> for a backfill's evaluation).
/// <see cref="Sequence"/> grows with each evaluation of the customer and is the same when a replay after a crash
/// sends the delta again (it comes from the log offset of the record that caused it), so the segment grain
/// recognizes the replay.
/// </summary>
internal sealed record SegmentDelta(string CustomerId, int Version, bool Entered, DateTimeOffset Time, string Cause, long Sequence)
{
    public byte[] Encode() => SegmentPayload.Write(writer =>
    {
        writer.Write(CustomerId);
        writer.Write(Version);
        writer.Write(Entered);
        writer.Write(Time.UtcTicks);
        writer.Write(Cause);
        writer.Write(Sequence);
    });

    public static SegmentDelta Decode(byte[] payload) => SegmentPayload.Read(payload, static reader => new SegmentDelta(
        reader.ReadString(),
        reader.ReadInt32(),
        reader.ReadBoolean(),
        new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
        reader.ReadString(),
        reader.ReadInt64()));
}
