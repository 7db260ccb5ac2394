using Segmentation.Runtime;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// The 64-bit hash of a full grain identity stored beside each log record, so that one grain's records are found
/// through a small integer index instead of one on the text columns. Stored on disk: it must never change.
/// 64-bit FNV-1a over the UTF-8 bytes of the type, a 0xFF byte (never part of UTF-8, so "ab"+"c" and "a"+"bc"
/// differ) and the key, finished with the SplitMix64 mixing step. A match is confirmed on the text columns.
/// </summary>
internal static class GrainHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const byte Separator = 0xFF;

    public static long Compute(GrainId grainId) => Compute(grainId.Type, grainId.Key);

    public static long Compute(string type, string key)
    {
        var hash = Add(OffsetBasis, type);
        hash = (hash ^ Separator) * Prime;
        hash = Add(hash, key);
        return unchecked((long)Mix(hash));
    }

    private static ulong Add(ulong hash, string value)
    {
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ buffer[i]) * Prime;
            }
        }

        return hash;
    }

    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
