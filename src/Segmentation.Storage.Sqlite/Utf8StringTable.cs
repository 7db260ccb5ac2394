using System.Text;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// The strings read from a column of few distinct values (grain types, record kinds), one instance each: a value
/// already seen is found from its UTF-8 bytes without allocating. Not thread-safe: one per read.
/// </summary>
internal sealed class Utf8StringTable
{
    /// <summary>Values up to this many UTF-8 bytes are decoded on the stack (a grain key is at most 256 characters).</summary>
    public const int StackBytes = 1024;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = utf8.Length <= StackBytes ? stackalloc char[utf8.Length] : new char[utf8.Length];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars, out var value))
        {
            value = new string(chars);
            _strings.Add(value, value);
        }

        return value;
    }
}
