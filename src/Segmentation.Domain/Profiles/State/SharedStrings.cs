using System.Collections.Concurrent;
using System.Text;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// One shared copy of the short strings that repeat across events and customers (event and property names,
/// product ids, categories), so the events profiles keep for their windows do not each hold their own copies:
/// fewer live objects, less for the garbage collector to trace. Bounded: once full, strings are kept as given.
/// A string already shared is found from its characters, or from its UTF-8 bytes through a small cache of the ones
/// seen more than once, without making a new one.
/// </summary>
internal static class SharedStrings
{
    /// <summary>Longer strings are never shared.</summary>
    public const int MaxLength = 96;

    private const int Capacity = 100_000;
    private const int Utf8CacheSlots = 1 << 14;
    private static readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars =
        _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly RepeatCache<Utf8Entry> _byUtf8 = new(Utf8CacheSlots);
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

        var hasher = new HashCode();
        hasher.AddBytes(utf8);
        var hash = hasher.ToHashCode();
        if (_byUtf8.Find(hash) is { } entry && entry.Utf8.AsSpan().SequenceEqual(utf8))
        {
            return entry.Text;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        var text = Share(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        if (text.Length <= MaxLength && _byUtf8.SeenBefore(hash))
        {
            _byUtf8.Store(hash, new Utf8Entry(utf8.ToArray(), text));
        }

        return text;
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

    /// <summary>A string with its UTF-8 bytes, as the byte cache holds it.</summary>
    private sealed record Utf8Entry(byte[] Utf8, string Text);
}
