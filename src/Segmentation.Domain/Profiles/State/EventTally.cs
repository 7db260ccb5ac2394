using System.Runtime.CompilerServices;
using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>Counts per track event name (as sent) and per call type, with first and last times.</summary>
internal sealed class EventTally : IProfilePart<EventTally>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static EventTally Empty { get; } = new();

    private SortedStringMap<Counter> _events;
    private CallCounts _types;

    public bool IsEmpty => _events.Count == 0 && ((ReadOnlySpan<int>)_types).IndexOfAnyExcept(0) < 0;

    public void Record(int callType, string? eventName, long ticks)
    {
        if ((uint)callType < CallCounts.Length)
        {
            _types[callType]++;
        }

        if (eventName is null)
        {
            return;
        }

        ref var counter = ref _events.GetValueRefOrAddDefault(eventName, out var exists);
        if (!exists)
        {
            counter = new Counter(1, ticks, ticks);
            return;
        }

        counter.Count++;
        counter.First = Math.Min(counter.First, ticks);
        counter.Last = Math.Max(counter.Last, ticks);
    }

    public int CallCount(int callType) => (uint)callType < CallCounts.Length ? _types[callType] : 0;

    public EventStats? Get(string eventName) =>
        _events.TryGetValue(eventName, out var c) ? new EventStats(eventName, c.Count, Time.At(c.First), Time.At(c.Last)) : null;

    public IReadOnlyList<EventStats> All() => _events.Pairs()
        .OrderBy(pair => pair.Key, StringComparer.Ordinal)
        .Select(pair => new EventStats(pair.Key, pair.Value.Count, Time.At(pair.Value.First), Time.At(pair.Value.Last)))
        .ToList();

    public void MergeFrom(EventTally other)
    {
        for (var i = 0; i < CallCounts.Length; i++)
        {
            _types[i] += other._types[i];
        }

        foreach (var (name, counter) in other._events.Pairs())
        {
            ref var mine = ref _events.GetValueRefOrAddDefault(name, out var exists);
            if (!exists)
            {
                mine = counter;
                continue;
            }

            mine.Count += counter.Count;
            mine.First = Math.Min(mine.First, counter.First);
            mine.Last = Math.Max(mine.Last, counter.Last);
        }
    }

    public void Write(SnapshotWriter writer)
    {
        foreach (var count in (ReadOnlySpan<int>)_types)
        {
            writer.WriteInt(count);
        }

        writer.WriteInt(_events.Count);
        foreach (var (name, counter) in _events.Pairs())
        {
            writer.WriteString(name);
            writer.WriteInt(counter.Count);
            writer.WriteLong(counter.First);
            writer.WriteLong(counter.Last);
        }
    }

    public static EventTally Read(SnapshotReader reader)
    {
        var tally = new EventTally();
        for (var i = 0; i < CallCounts.Length; i++)
        {
            tally._types[i] = reader.ReadInt();
        }

        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            tally._events.Set(reader.ReadSharedString(), new Counter(reader.ReadInt(), reader.ReadLong(), reader.ReadLong()));
        }

        return tally;
    }

    /// <summary>The count per call type (track, identify, page, screen, group, alias), inside the tally (no array of its own).</summary>
    [InlineArray(Length)]
    private struct CallCounts
    {
        public const int Length = 6;

        private int _first;
    }

    /// <summary>One name's count and first and last time (a value in the dictionary, not an object).</summary>
    private struct Counter(int count, long first, long last)
    {
        public int Count = count;

        public long First = first;

        public long Last = last;
    }
}
