using System.Runtime.InteropServices;
using System.Text;

namespace Segmentation.Grains.Segments;

/// <summary>
/// The customer keys of one registry shard. Each key gets the next registration ordinal the first time it is added
/// (later adds change nothing), so "the keys registered before ordinal n" is a stable set while more keys arrive.
/// Keys are listed in ordinal string order. New keys go to a pending list that is sorted and merged in when a listing
/// or a snapshot needs the order, so registering stays O(1) and a burst of registrations costs one merge.
/// </summary>
internal sealed class CustomerKeySet
{
    private const byte FormatVersion = 1;
    private static readonly Comparer<Entry> ByKey = Comparer<Entry>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

    private readonly HashSet<string> _keys;
    private readonly List<Entry> _pending = [];
    private List<Entry> _sorted;

    public CustomerKeySet()
        : this([], new HashSet<string>(StringComparer.Ordinal))
    {
    }

    private CustomerKeySet(List<Entry> sorted, HashSet<string> keys)
    {
        _sorted = sorted;
        _keys = keys;
    }

    /// <summary>Keys registered so far; also the ordinal the next new key gets.</summary>
    public int Count => _keys.Count;

    /// <summary>Adds a key; false when it was already there.</summary>
    public bool Add(string key)
    {
        if (!_keys.Add(key))
        {
            return false;
        }

        _pending.Add(new Entry(key, _keys.Count - 1));
        return true;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> keys after <paramref name="afterKey"/> (ordinal order; null: from the first)
    /// among those whose registration ordinal is below <paramref name="registeredBefore"/>. Fewer than
    /// <paramref name="limit"/> means there are no more.
    /// </summary>
    public IReadOnlyList<string> List(string? afterKey, int limit, int registeredBefore)
    {
        MergePending();
        var start = 0;
        if (afterKey is not null)
        {
            var found = _sorted.BinarySearch(new Entry(afterKey, 0), ByKey);
            start = found >= 0 ? found + 1 : ~found;
        }

        var page = new List<string>(Math.Min(limit, _sorted.Count - start));
        for (var i = start; i < _sorted.Count && page.Count < limit; i++)
        {
            if (_sorted[i].Ordinal < registeredBefore)
            {
                page.Add(_sorted[i].Key);
            }
        }

        return page;
    }

    /// <summary>
    /// Writes the keys in order, each as the length of the prefix it shares with the previous key, the rest in UTF-8,
    /// and its ordinal (7-bit encoded integers): keys of one shape (<c>customer-0001234</c>) take a few bytes each.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        MergePending();
        writer.Write(FormatVersion);
        writer.Write7BitEncodedInt(_sorted.Count);
        var previous = string.Empty;
        foreach (var (key, ordinal) in _sorted)
        {
            var shared = SharedPrefixLength(previous, key);
            var suffix = Encoding.UTF8.GetBytes(key, shared, key.Length - shared);
            writer.Write7BitEncodedInt(shared);
            writer.Write7BitEncodedInt(suffix.Length);
            writer.Write(suffix);
            writer.Write7BitEncodedInt(ordinal);
            previous = key;
        }
    }

    public static CustomerKeySet Read(BinaryReader reader)
    {
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Unknown customer registry snapshot format {version}.");
        }

        var count = reader.Read7BitEncodedInt();
        var sorted = new List<Entry>(count);
        var keys = new HashSet<string>(count, StringComparer.Ordinal);
        var previous = string.Empty;
        for (var i = 0; i < count; i++)
        {
            var shared = reader.Read7BitEncodedInt();
            var suffix = reader.ReadBytes(reader.Read7BitEncodedInt());
            var key = string.Concat(previous.AsSpan(0, shared), Encoding.UTF8.GetString(suffix));
            sorted.Add(new Entry(key, reader.Read7BitEncodedInt()));
            keys.Add(key);
            previous = key;
        }

        return new CustomerKeySet(sorted, keys);
    }

    private static int SharedPrefixLength(string previous, string key)
    {
        var shared = previous.AsSpan().CommonPrefixLength(key);

        // Never split a surrogate pair: the suffix must be valid UTF-16 on its own to round-trip through UTF-8.
        return shared > 0 && char.IsHighSurrogate(key[shared - 1]) ? shared - 1 : shared;
    }

    private void MergePending()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _pending.Sort(ByKey);
        var merged = new List<Entry>(_sorted.Count + _pending.Count);
        int i = 0, j = 0;
        while (i < _sorted.Count && j < _pending.Count)
        {
            merged.Add(ByKey.Compare(_sorted[i], _pending[j]) < 0 ? _sorted[i++] : _pending[j++]);
        }

        merged.AddRange(CollectionsMarshal.AsSpan(_sorted)[i..]);
        merged.AddRange(CollectionsMarshal.AsSpan(_pending)[j..]);
        _sorted = merged;
        _pending.Clear();
    }

    private readonly record struct Entry(string Key, int Ordinal);
}
