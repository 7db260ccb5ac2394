using System.Text.Json.Nodes;
using Segmentation.Domain.Serialization;

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

    public void Add(string eventName, EventKey key, JsonObject? properties) =>
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
            var name = reader.ReadString();
            var entries = reader.ReadCount();
            for (var j = 0; j < entries; j++)
            {
                var ticks = reader.ReadLong();
                var messageId = reader.ReadString();
                var properties = new EventProperty[reader.ReadCount()];
                for (var k = 0; k < properties.Length; k++)
                {
                    var propertyName = reader.ReadString();
                    var kind = reader.ReadByte();
                    if (kind > (byte)ScalarKind.Boolean)
                    {
                        throw new FormatException("The snapshot holds an unknown property kind.");
                    }

                    properties[k] = new EventProperty(
                        SharedStrings.Share(propertyName), ScalarValue.From((ScalarKind)kind, reader.ReadString()).WithSharedText());
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

    private static EventProperty[] Capture(JsonObject? properties)
    {
        if (properties is null || properties.Count == 0)
        {
            return [];
        }

        List<EventProperty>? kept = null;
        foreach (var (name, node) in properties)
        {
            if (name.Length is 0 or > ProfileLimits.TimelinePropertyNameMaxLength || ScalarValue.FromJson(node) is not { } value
                || value.Text.Length > ProfileLimits.TimelineValueMaxLength)
            {
                continue;
            }

            (kept ??= []).Add(new EventProperty(SharedStrings.Share(name), value.WithSharedText()));
        }

        if (kept is null)
        {
            return [];
        }

        kept.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return kept.Count > ProfileLimits.TimelinePropertiesPerEvent
            ? kept.GetRange(0, ProfileLimits.TimelinePropertiesPerEvent).ToArray()
            : kept.ToArray();
    }
}
