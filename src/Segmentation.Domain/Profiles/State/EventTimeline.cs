using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Every track event of the window retention, per event name (as sent), with its scalar top-level properties,
/// for windowed counts and sums with property filters. Bounded: each name keeps its newest
/// <see cref="ProfileLimits.TimelineEventsPerName"/> events by key, each event at most
/// <see cref="ProfileLimits.TimelinePropertiesPerEvent"/> properties (the first by name). "The newest N by key"
/// and "the first N by name" do not depend on arrival order, so the timeline is a function of the set of events.
/// </summary>
/// <remarks>Entries are values in one sorted array per name; events with the same properties share one captured array
/// (<see cref="TimelinePropertySets"/>).</remarks>
internal sealed partial class EventTimeline : IProfilePart<EventTimeline>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static EventTimeline Empty { get; } = new();

    private SortedStringMap<TimedBuffer<TimelineEntry>> _byName;

    public bool IsEmpty => _byName.Count == 0;

    /// <summary>No entry is at or before this (a lower bound), so pruning through an earlier instant has nothing to do.</summary>
    private long _earliestTicks = long.MaxValue;

    public TimedBuffer<TimelineEntry>? Get(string eventName) => _byName.TryGetValue(eventName, out var buffer) ? buffer : null;

    public void Add(string eventName, EventKey key, Utf8JsonMembers properties)
    {
        var (captured, hash) = TimelinePropertySets.Capture(properties);
        Add(eventName, new TimelineEntry(key.Ticks, key.MessageId, captured, hash));
    }

    public void PruneThrough(long ticks)
    {
        if (ticks < _earliestTicks)
        {
            return;
        }

        var earliest = long.MaxValue;
        for (var i = _byName.Count - 1; i >= 0; i--)
        {
            var buffer = _byName.ValueAt(i);
            buffer.PruneThrough(ticks);
            if (buffer.Count == 0)
            {
                _byName.RemoveAt(i);
            }
            else
            {
                earliest = Math.Min(earliest, buffer.TicksAt(0));
            }
        }

        _earliestTicks = earliest;
    }

    public void MergeFrom(EventTimeline other)
    {
        foreach (var (name, buffer) in other._byName.Pairs())
        {
            foreach (var entry in buffer.Items())
            {
                Add(name, entry);
            }
        }
    }

    private void Add(string eventName, TimelineEntry entry)
    {
        ref var buffer = ref _byName.GetValueRefOrAddDefault(eventName, out var exists);
        if (!exists)
        {
            buffer = new TimedBuffer<TimelineEntry>();
        }

        buffer.Add(entry);
        _earliestTicks = Math.Min(_earliestTicks, entry.Ticks);
        if (buffer.Count > ProfileLimits.TimelineEventsPerName)
        {
            buffer.RemoveFirst();
        }
    }
}
