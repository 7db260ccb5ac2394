namespace Segmentation.Grains.Segments;

/// <summary>
/// The payload of a <see cref="RecordKinds.SegmentBackfillPage"/> record: the backfill of <see cref="Version"/> went
/// through one page of registry shard <see cref="Shard"/>. <see cref="Settled"/> of its customers needed nothing;
/// <see cref="Asked"/> got a <see cref="RecordKinds.SegmentEvaluate"/> in the same atomic append and report back once
/// they evaluated. The shard continues after <see cref="After"/> (null: from its first key), or is
/// <see cref="ShardDone"/>.
/// </summary>
internal sealed record SegmentBackfillPage(int Version, int Shard, string? After, bool ShardDone, int Settled, IReadOnlyList<string> Asked)
{
    public byte[] Encode() => SegmentPayload.Write(writer =>
    {
        writer.Write(Version);
        writer.Write7BitEncodedInt(Shard);
        writer.Write(After is not null);
        if (After is not null)
        {
            writer.Write(After);
        }

        writer.Write(ShardDone);
        writer.Write7BitEncodedInt(Settled);
        writer.Write7BitEncodedInt(Asked.Count);
        foreach (var customerId in Asked)
        {
            writer.Write(customerId);
        }
    });

    public static SegmentBackfillPage Decode(byte[] payload) => SegmentPayload.Read(payload, static reader =>
    {
        var version = reader.ReadInt32();
        var shard = reader.Read7BitEncodedInt();
        var after = reader.ReadBoolean() ? reader.ReadString() : null;
        var done = reader.ReadBoolean();
        var settled = reader.Read7BitEncodedInt();
        var asked = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < asked.Length; i++)
        {
            asked[i] = reader.ReadString();
        }

        return new SegmentBackfillPage(version, shard, after, done, settled, asked);
    });
}
