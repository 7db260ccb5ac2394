using System.Collections;

namespace Segmentation.Grains.Customers;

/// <summary>
/// When each trigger's reminder is set for, by trigger name: a customer has at most one per trigger, so the few pairs
/// are kept in one array sorted by name (ordinal) and scanned, allocated with the first; enumerates in name order.
/// </summary>
internal sealed class TriggerReminderTimes : IEnumerable<KeyValuePair<string, DateTimeOffset>>
{
    private (string Name, long UtcTicks)[]? _entries;
    private int _count;

    public int Count => _count;

    /// <summary>Sets the reminder's instant (the value read back is in UTC).</summary>
    public DateTimeOffset this[string name]
    {
        set
        {
            var index = IndexOf(name);
            if (index >= 0)
            {
                _entries![index].UtcTicks = value.UtcTicks;
                return;
            }

            index = ~index;
            if (_entries is null || _count == _entries.Length)
            {
                var larger = new (string, long)[_entries is null ? 2 : _entries.Length * 2];
                _entries?.AsSpan(0, _count).CopyTo(larger);
                _entries = larger;
            }

            _entries.AsSpan(index, _count - index).CopyTo(_entries.AsSpan(index + 1));
            _entries[index] = (name, value.UtcTicks);
            _count++;
        }
    }

    public bool TryGetValue(string name, out DateTimeOffset at)
    {
        var index = IndexOf(name);
        at = index >= 0 ? new DateTimeOffset(_entries![index].UtcTicks, TimeSpan.Zero) : default;
        return index >= 0;
    }

    public bool Remove(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        _count--;
        _entries.AsSpan(index + 1, _count - index).CopyTo(_entries.AsSpan(index));
        _entries![_count] = default;
        return true;
    }

    public IEnumerator<KeyValuePair<string, DateTimeOffset>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return KeyValuePair.Create(_entries![i].Name, new DateTimeOffset(_entries[i].UtcTicks, TimeSpan.Zero));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The index of <paramref name="name"/>, or the complement of where it would go.</summary>
    private int IndexOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            var order = string.CompareOrdinal(_entries![i].Name, name);
            if (order >= 0)
            {
                return order == 0 ? i : ~i;
            }
        }

        return ~_count;
    }
}
