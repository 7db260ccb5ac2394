using System.Collections;
using Segmentation.Domain.Profiles.State;

namespace Segmentation.Grains.Customers;

/// <summary>
/// When each trigger's reminder is set for, by trigger name: a customer has at most one per trigger, so the few pairs
/// are kept in one sorted array (<see cref="SortedStringMap{TValue}"/> of UTC ticks), allocated with the first;
/// enumerates in name order.
/// </summary>
internal sealed class TriggerReminderTimes : IEnumerable<KeyValuePair<string, DateTimeOffset>>
{
    private SortedStringMap<long> _ticks;

    public int Count => _ticks.Count;

    /// <summary>Sets the reminder's instant (the value read back is in UTC).</summary>
    public DateTimeOffset this[string name]
    {
        set => _ticks.Set(name, value.UtcTicks);
    }

    public bool TryGetValue(string name, out DateTimeOffset at)
    {
        var found = _ticks.TryGetValue(name, out var ticks);
        at = found ? new DateTimeOffset(ticks, TimeSpan.Zero) : default;
        return found;
    }

    public bool Remove(string name) => _ticks.Remove(name);

    public IEnumerator<KeyValuePair<string, DateTimeOffset>> GetEnumerator()
    {
        for (var i = 0; i < _ticks.Count; i++)
        {
            yield return KeyValuePair.Create(_ticks.KeyAt(i), new DateTimeOffset(_ticks.ValueAt(i), TimeSpan.Zero));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
