namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// A sorted list of time-stamped entries that grows at the end (the in-order case, O(1)), accepts a rare
/// insertion in the middle (binary search, O(n)), and drops its oldest entries in amortized O(1) by advancing
/// a head index and compacting only when half of the backing array is dead. The entries are values in one
/// array (no list object around it, nothing until the first entry).
/// </summary>
internal sealed class TimedBuffer<T>
    where T : struct, ITimed, IComparable<T>
{
    private T[] _items = [];
    private int _head;
    private int _end;

    public int Count => _end - _head;

    public T this[int index] => _items[_head + index];

    public T Last => _items[_end - 1];

    /// <summary>The ticks of the entry at <paramref name="index"/>, read in place.</summary>
    public long TicksAt(int index) => _items[_head + index].Ticks;

    /// <summary>Adds an entry in sorted position; returns false when it was not appended at the end.</summary>
    public bool Add(T item)
    {
        if (Count == 0 || item.CompareTo(_items[_end - 1]) >= 0)
        {
            EnsureRoomAtEnd();
            _items[_end++] = item;
            return true;
        }

        EnsureRoomAtEnd();
        var index = _head + LowerBound(item);
        Array.Copy(_items, index, _items, index + 1, _end - index);
        _items[index] = item;
        _end++;
        return false;
    }

    /// <summary>The index of the first entry not less than <paramref name="item"/>.</summary>
    public int LowerBound(T item)
    {
        int low = _head, high = _end;
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
        var items = _items;
        int low = _head, high = _end;
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
            var at = _head + index;
            Array.Copy(_items, at + 1, _items, at, _end - at - 1);
            _items[--_end] = default;
            return true;
        }

        return false;
    }

    /// <summary>True when the oldest entry is at or before <paramref name="ticks"/> (then <see cref="RemoveFirst"/> drops it).</summary>
    public bool FirstIsAtOrBefore(long ticks) => _head < _end && _items[_head].Ticks <= ticks;

    /// <summary>Drops the oldest entry in amortized O(1).</summary>
    public void RemoveFirst()
    {
        _items[_head++] = default;
        if (_head == _end)
        {
            _head = 0;
            _end = 0;
        }
        else if (_head > 16 && _head * 2 > _end)
        {
            Compact();
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
        Array.Clear(_items, _head, Count);
        _head = 0;
        _end = 0;
    }

    public IEnumerable<T> Items()
    {
        for (var i = _head; i < _end; i++)
        {
            yield return _items[i];
        }
    }

    /// <summary>Makes room for one more entry after the last: compacts when the head has room, else doubles.</summary>
    private void EnsureRoomAtEnd()
    {
        if (_end < _items.Length)
        {
            return;
        }

        if (_head > 0 && _head * 2 >= _items.Length)
        {
            Compact();
            return;
        }

        var larger = new T[Math.Max(1, _items.Length * 2)];
        Array.Copy(_items, _head, larger, 0, Count);
        _end = Count;
        _head = 0;
        _items = larger;
    }

    /// <summary>Moves the live entries to the front of the array.</summary>
    private void Compact()
    {
        var count = Count;
        Array.Copy(_items, _head, _items, 0, count);
        Array.Clear(_items, count, _end - count);
        _head = 0;
        _end = count;
    }
}
