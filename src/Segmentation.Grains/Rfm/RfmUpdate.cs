using Segmentation.Domain.Rfm;

namespace Segmentation.Grains.Rfm;

/// <summary>
/// One customer's current RFM input for its shard (null: no orders, or merged away). <see cref="Version"/> is the
/// customer's log offset, so a shard applies each customer's updates in order and ignores replays.
/// </summary>
internal sealed record RfmUpdate(string CustomerId, long Version, RfmInput? Input)
{
    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            Write(writer);
        }

        return buffer.ToArray();
    }

    public static RfmUpdate Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload));
        return Read(reader);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(CustomerId);
        writer.Write(Version);
        writer.Write(Input is not null);
        if (Input is { } input)
        {
            writer.Write(input.LastOrderDate.DayNumber);
            writer.Write(input.Frequency);
            writer.Write(input.MonetaryCents);
        }
    }

    public static RfmUpdate Read(BinaryReader reader)
    {
        var customerId = reader.ReadString();
        var version = reader.ReadInt64();
        RfmInput? input = reader.ReadBoolean()
            ? new RfmInput(DateOnly.FromDayNumber(reader.ReadInt32()), reader.ReadInt32(), reader.ReadInt64())
            : null;
        return new RfmUpdate(customerId, version, input);
    }
}
