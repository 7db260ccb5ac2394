using System.Runtime.InteropServices;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// A sorted list of time-stamped entries that grows at the end (the in-order case, O(1)), accepts a rare
/// insertion in the middle (binary search, O(n)), and drops its oldest entries in amortized O(1) by advancing
/// a head index and compacting only when half of the backing list is dead.
/// </summary>
internal sealed class TimedBuffer<T>
    where T : struct, ITimed, IComparable<T>
{
    private readonly List<T> _items = [];
    private int _head;

    public int Count => _items.Count - _head;

    public T this[int index] => _items[_head + index];

    public T Last => _items[^1];

    /// <summary>The ticks of the entry at <paramref name="index"/>, read in place.</summary>
    public long TicksAt(int index) => CollectionsMarshal.AsSpan(_items)[_head + index].Ticks;

    /// <summary>Adds an entry in sorted position; returns false when it was not appended at the end.</summary>
    public bool Add(T item)
    {
        if (Count == 0 || item.CompareTo(_items[^1]) >= 0)
        {
            _items.Add(item);
            return true;
        }

        _items.Insert(_head + LowerBound(item), item);
        return false;
    }

    /// <summary>The index of the first entry not less than <paramref name="item"/>.</summary>
    public int LowerBound(T item)
    {
        int low = _head, high = _items.Count;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (_items[mid].CompareTo(item) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low - _head;
    }

    /// <summary>The number of entries whose ticks are at or before <paramref name="ticks"/>.</summary>
    public int CountThrough(long ticks)
    {
        var items = CollectionsMarshal.AsSpan(_items);
        int low = _head, high = items.Length;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (items[mid].Ticks <= ticks)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low - _head;
    }

    /// <summary>The number of entries in the half-open interval (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>].</summary>
    public int CountBetween(long fromExclusive, long toInclusive) =>
        toInclusive <= fromExclusive ? 0 : CountThrough(toInclusive) - CountThrough(fromExclusive);

    /// <summary>Removes the entry equal to <paramref name="item"/> when present.</summary>
    public bool Remove(T item)
    {
        var index = LowerBound(item);
        if (index < Count && this[index].CompareTo(item) == 0)
        {
            _items.RemoveAt(_head + index);
            return true;
        }

        return false;
    }

    /// <summary>True when the oldest entry is at or before <paramref name="ticks"/> (then <see cref="RemoveFirst"/> drops it).</summary>
    public bool FirstIsAtOrBefore(long ticks) => _head < _items.Count && _items[_head].Ticks <= ticks;

    /// <summary>Drops the oldest entry in amortized O(1).</summary>
    public void RemoveFirst()
    {
        _head++;
        if (_head == _items.Count)
        {
            _items.Clear();
            _head = 0;
        }
        else if (_head > 16 && _head * 2 > _items.Count)
        {
            _items.RemoveRange(0, _head);
            _head = 0;
        }
    }

    /// <summary>Drops the entries whose ticks are at or before <paramref name="ticks"/>.</summary>
    public void PruneThrough(long ticks)
    {
        while (FirstIsAtOrBefore(ticks))
        {
            RemoveFirst();
        }
    }

    public void Clear()
    {
        _items.Clear();
        _head = 0;
    }

    public IEnumerable<T> Items()
    {
        for (var i = _head; i < _items.Count; i++)
        {
            yield return _items[i];
        }
    }
}
