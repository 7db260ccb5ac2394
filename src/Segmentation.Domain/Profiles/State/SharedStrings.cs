using System.Collections.Concurrent;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// One shared copy of the short strings that repeat across events and customers (event and property names,
/// product ids, categories), so the events profiles keep for their windows do not each hold their own copies:
/// fewer live objects, less for the garbage collector to trace. Bounded: once full, strings are kept as given.
/// </summary>
internal static class SharedStrings
{
    private const int Capacity = 100_000;
    private const int MaxLength = 96;
    private static readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private static int _count;

    public static string Share(string text)
    {
        if (text.Length > MaxLength)
        {
            return text;
        }

        if (_pool.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref _count) >= Capacity)
        {
            return text;
        }

        shared = _pool.GetOrAdd(text, text);
        if (ReferenceEquals(shared, text))
        {
            Interlocked.Increment(ref _count);
        }

        return shared;
    }
}
