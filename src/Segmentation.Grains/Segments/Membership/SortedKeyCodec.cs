using System.Text;

namespace Segmentation.Grains.Segments;

/// <summary>
/// Front coding of keys written in ordinal order: each key as the length of the prefix it shares with the previous
/// one and the rest in UTF-8 (7-bit encoded lengths), so keys of one shape (<c>customer-0001234</c>) take a few bytes.
/// </summary>
internal static class SortedKeyCodec
{
    public static void Write(BinaryWriter writer, string previous, string key)
    {
        var shared = previous.AsSpan().CommonPrefixLength(key);

        // Never split a surrogate pair: the suffix must be valid UTF-16 on its own to round-trip through UTF-8.
        if (shared > 0 && char.IsHighSurrogate(key[shared - 1]))
        {
            shared--;
        }

        var suffix = Encoding.UTF8.GetBytes(key, shared, key.Length - shared);
        writer.Write7BitEncodedInt(shared);
        writer.Write7BitEncodedInt(suffix.Length);
        writer.Write(suffix);
    }

    public static string Read(BinaryReader reader, string previous)
    {
        var shared = reader.Read7BitEncodedInt();
        var suffix = reader.ReadBytes(reader.Read7BitEncodedInt());
        return string.Concat(previous.AsSpan(0, shared), Encoding.UTF8.GetString(suffix));
    }
}
