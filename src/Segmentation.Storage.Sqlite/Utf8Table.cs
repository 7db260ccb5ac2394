using System.Text;

namespace Segmentation.Storage.Sqlite;

/// <summary>
/// Values made from the strings of a text column, one per distinct string (grain types, record kinds, a type's grain
/// keys): a string already seen is found from its UTF-8 bytes without allocating. Not thread-safe: one per read.
/// </summary>
internal sealed class Utf8Table<T>(Func<string, T> create)
{
    /// <summary>Values up to this many UTF-8 bytes are decoded on the stack (a grain key is at most 256 characters).</summary>
    private const int StackBytes = 1024;

    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);

    public T Get(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = utf8.Length <= StackBytes ? stackalloc char[utf8.Length] : new char[utf8.Length];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        var lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars, out var value))
        {
            var text = new string(chars);
            value = create(text);
            _values.Add(text, value);
        }

        return value;
    }
}
