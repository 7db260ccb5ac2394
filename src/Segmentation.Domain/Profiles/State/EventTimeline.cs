using System.Buffers;
using System.Text.Json;
using Segmentation.Domain.Serialization;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Every track event of the window retention, per event name (as sent), with its scalar top-level properties,
/// for windowed counts and sums with property filters. Bounded: each name keeps its newest
/// <see cref="ProfileLimits.TimelineEventsPerName"/> events by key, each event at most
/// <see cref="ProfileLimits.TimelinePropertiesPerEvent"/> properties (the first by name). "The newest N by key"
/// and "the first N by name" do not depend on arrival order, so the timeline is a function of the set of events.
/// </summary>
internal sealed class EventTimeline
{
    private readonly Dictionary<string, TimedBuffer<TimelineEntry>> _byName = new(StringComparer.Ordinal);

    public TimedBuffer<TimelineEntry>? Get(string eventName) => _byName.GetValueOrDefault(eventName);

    public void Add(string eventName, EventKey key, Utf8JsonMembers properties) =>
        Add(eventName, new TimelineEntry(key.Ticks, key.MessageId, Capture(properties)));

    public void PruneThrough(long ticks)
    {
        List<string>? emptied = null;
        foreach (var (name, buffer) in _byName)
        {
            if (!buffer.FirstIsAtOrBefore(ticks))
            {
                continue;
            }

            buffer.PruneThrough(ticks);
            if (buffer.Count == 0)
            {
                (emptied ??= []).Add(name);
            }
        }

        if (emptied is not null)
        {
            foreach (var name in emptied)
            {
                _byName.Remove(name);
            }
        }
    }

    public void MergeFrom(EventTimeline other)
    {
        foreach (var (name, buffer) in other._byName)
        {
            foreach (var entry in buffer.Items())
            {
                Add(name, entry);
            }
        }
    }

    public void Write(SnapshotWriter writer)
    {
        writer.WriteInt(_byName.Count);
        foreach (var (name, buffer) in _byName.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name);
            writer.WriteInt(buffer.Count);
            foreach (var entry in buffer.Items())
            {
                writer.WriteLong(entry.Ticks);
                writer.WriteString(entry.MessageId);
                writer.WriteInt(entry.Properties.Length);
                foreach (var property in entry.Properties)
                {
                    writer.WriteString(property.Name);
                    writer.WriteByte((byte)property.Value.Kind);
                    writer.WriteString(property.Value.Text);
                }
            }
        }
    }

    public static EventTimeline Read(SnapshotReader reader)
    {
        var timeline = new EventTimeline();
        var names = reader.ReadCount();
        for (var i = 0; i < names; i++)
        {
            var name = reader.ReadSharedString();
            var entries = reader.ReadCount();
            for (var j = 0; j < entries; j++)
            {
                var ticks = reader.ReadLong();
                var messageId = reader.ReadString();
                var properties = new EventProperty[reader.ReadCount()];
                for (var k = 0; k < properties.Length; k++)
                {
                    var propertyName = reader.ReadSharedString();
                    var kind = reader.ReadByte();
                    if (kind > (byte)ScalarKind.Boolean)
                    {
                        throw new FormatException("The snapshot holds an unknown property kind.");
                    }

                    properties[k] = new EventProperty(propertyName, ScalarValue.From((ScalarKind)kind, reader.ReadSharedString()));
                }

                timeline.Add(name, new TimelineEntry(ticks, messageId, properties));
            }
        }

        return timeline;
    }

    private void Add(string eventName, TimelineEntry entry)
    {
        if (!_byName.TryGetValue(eventName, out var buffer))
        {
            buffer = new TimedBuffer<TimelineEntry>();
            _byName.Add(SharedStrings.Share(eventName), buffer);
        }

        buffer.Add(entry);
        if (buffer.Count > ProfileLimits.TimelineEventsPerName)
        {
            buffer.RemoveFirst();
        }
    }

    private static EventProperty[] Capture(Utf8JsonMembers properties)
    {
        if (properties.Count == 0)
        {
            return [];
        }

        var pool = ArrayPool<EventProperty>.Shared;
        var kept = pool.Rent(properties.Count);
        var count = 0;
        for (var i = 0; i < properties.Count; i++)
        {
            var value = properties.ValueAt(i);
            if (value.Kind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
            {
                continue;
            }

            var name = EventFields.SharedText(properties.NameAt(i));
            if (name.Length is 0 or > ProfileLimits.TimelinePropertyNameMaxLength
                || ScalarValue.FromJson(value, shared: true) is not { } scalar || scalar.Text.Length > ProfileLimits.TimelineValueMaxLength)
            {
                continue;
            }

            kept[count++] = new EventProperty(name, scalar);
        }

        var span = kept.AsSpan(0, count);
        span.Sort(static (left, right) => string.CompareOrdinal(left.Name, right.Name));
        var result = span[..Math.Min(count, ProfileLimits.TimelinePropertiesPerEvent)].ToArray();
        pool.Return(kept, clearArray: true);
        return result;
    }
}
