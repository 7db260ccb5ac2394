namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// A small map from strings (ordinal) to values: one array of entries sorted by key, allocated with the first entry. A
/// lookup is a binary search; adding a key moves the entries after it (appending the greatest key moves none). For the
/// few to a few hundred keys a profile part holds it takes a fraction of a dictionary's memory: no buckets, no hash
/// codes, and no object of its own, as it is a field of its owner (a mutable struct: never copy it to change it).
/// Enumerates in ordinal key order.
/// </summary>
public struct SortedStringMap<TValue>
{
    private Entry[]? _entries;
    private int _count;

    public readonly int Count => _count;

    public readonly string KeyAt(int index) => _entries![index].Key;

    /// <summary>The value at <paramref name="index"/> (in key order), by reference.</summary>
    public readonly ref TValue ValueAt(int index) => ref _entries![index].Value;

    public readonly bool TryGetValue(string key, out TValue value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            value = _entries![index].Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The value of <paramref name="key"/> by reference, added as <c>default</c> when absent.</summary>
    public ref TValue GetValueRefOrAddDefault(string key, out bool exists)
    {
        var index = IndexOf(key);
        exists = index >= 0;
        if (exists)
        {
            return ref _entries![index].Value;
        }

        index = ~index;
        if (_entries is null || _count == _entries.Length)
        {
            var larger = new Entry[_entries is null ? 1 : _entries.Length * 2];
            _entries?.AsSpan(0, _count).CopyTo(larger);
            _entries = larger;
        }

        _entries.AsSpan(index, _count - index).CopyTo(_entries.AsSpan(index + 1));
        _entries[index] = new Entry(key);
        _count++;
        return ref _entries[index].Value;
    }

    public void Set(string key, TValue value) => GetValueRefOrAddDefault(key, out _) = value;

    public void RemoveAt(int index)
    {
        _count--;
        _entries.AsSpan(index + 1, _count - index).CopyTo(_entries.AsSpan(index));
        _entries![_count] = default;
    }

    public bool Remove(string key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return false;
        }

        RemoveAt(index);
        return true;
    }

    /// <summary>The entries in ordinal key order (the map must not change while they are enumerated).</summary>
    public readonly IEnumerable<KeyValuePair<string, TValue>> Pairs()
    {
        var entries = _entries;
        for (var i = 0; i < _count; i++)
        {
            yield return KeyValuePair.Create(entries![i].Key, entries[i].Value);
        }
    }

    /// <summary>The index of <paramref name="key"/>, or the complement of where it would go.</summary>
    public readonly int IndexOf(string key)
    {
        int low = 0, high = _count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(_entries![mid].Key, key);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }

    private struct Entry(string key)
    {
        public readonly string Key = key;

        public TValue Value = default!;
    }
}
