using System.Buffers.Binary;
using System.Text;

namespace Segmentation.Grains.Customers;

/// <summary>The payload of a merge record: the anonymous source's key, then its profile snapshot.</summary>
internal static class MergePayload
{
    public static byte[] Encode(string sourceKey, byte[] profile)
    {
        var key = Encoding.UTF8.GetBytes(sourceKey);
        var payload = new byte[4 + key.Length + profile.Length];
        BinaryPrimitives.WriteInt32LittleEndian(payload, key.Length);
        key.CopyTo(payload, 4);
        profile.CopyTo(payload, 4 + key.Length);
        return payload;
    }

    public static (string SourceKey, ReadOnlyMemory<byte> Profile) Decode(byte[] payload)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(payload);
        return (Encoding.UTF8.GetString(payload, 4, length), payload.AsMemory(4 + length));
    }
}
