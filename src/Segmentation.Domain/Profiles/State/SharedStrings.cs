using System.Collections.Concurrent;
using System.Text;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// One shared copy of the short strings that repeat across events and customers (event and property names,
/// product ids, categories), so the events profiles keep for their windows do not each hold their own copies:
/// fewer live objects, less for the garbage collector to trace. Bounded: once full, strings are kept as given.
/// A string already shared is found from its characters or UTF-8 bytes without making a new one.
/// </summary>
internal static class SharedStrings
{
    private const int Capacity = 100_000;
    private const int MaxLength = 96;
    private static readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars =
        _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _count;

    public static string Share(string text)
    {
        if (text.Length > MaxLength)
        {
            return text;
        }

        return _pool.TryGetValue(text, out var shared) ? shared : Add(text);
    }

    /// <summary>The shared copy of <paramref name="text"/>, or a new string when it is not (and cannot be) shared.</summary>
    public static string Share(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return new string(text);
        }

        return _byChars.TryGetValue(text, out var shared) ? shared : Add(new string(text));
    }

    /// <summary>The shared copy of the UTF-8 <paramref name="utf8"/> (invalid bytes read as U+FFFD, as decoding does).</summary>
    public static string Share(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength * 3)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return Share(chars[..length]);
    }

    private static string Add(string text)
    {
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return text;
        }

        var shared = _pool.GetOrAdd(text, text);
        if (ReferenceEquals(shared, text))
        {
            Interlocked.Increment(ref _count);
        }

        return shared;
    }
}
