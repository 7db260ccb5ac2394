using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// The snapshot encoding of <see cref="EventTimeline"/>: names in ordinal order, each with its entries oldest first. In
/// the current form each distinct property set is written once, at its first entry, and later entries with the same
/// names and values refer to it by number (so the bytes depend only on the values); the earlier form wrote every
/// entry's properties inline.
/// </summary>
internal sealed partial class EventTimeline
{
    public void Write(SnapshotWriter writer)
    {
        var sets = new Dictionary<PropertySetKey, int>();
        writer.WriteInt(_byName.Count);
        foreach (var (name, buffer) in _byName.Pairs())
        {
            writer.WriteString(name);
            writer.WriteInt(buffer.Count);
            for (var i = 0; i < buffer.Count; i++)
            {
                var entry = buffer[i];
                writer.WriteLong(entry.Ticks);
                writer.WriteString(entry.MessageId);
                var key = new PropertySetKey(entry.Properties, entry.PropertiesHash);
                if (sets.TryGetValue(key, out var number))
                {
                    writer.WriteInt(number);
                    continue;
                }

                sets.Add(key, sets.Count + 1);
                writer.WriteInt(0);
                WriteProperties(writer, entry.Properties);
            }
        }
    }

    /// <summary>Reads a timeline; <paramref name="setsByNumber"/> is false for the earlier form (properties inline).</summary>
    public static EventTimeline Read(SnapshotReader reader, bool setsByNumber)
    {
        var timeline = new EventTimeline();
        var sets = new List<(EventProperty[] Properties, int Hash)>();
        var names = reader.ReadCount();
        for (var i = 0; i < names; i++)
        {
            var name = reader.ReadSharedString();
            var entries = reader.ReadCount();
            for (var j = 0; j < entries; j++)
            {
                var ticks = reader.ReadLong();
                var messageId = reader.ReadMessageId();
                var number = setsByNumber ? reader.ReadInt() : 0;
                if (number == 0)
                {
                    var properties = ReadProperties(reader);
                    var contentHash = TimelinePropertySets.ContentHash(properties);
                    sets.Add((TimelinePropertySets.Share(properties, contentHash), contentHash));
                    number = sets.Count;
                }
                else if (number < 0 || number > sets.Count)
                {
                    throw new FormatException("The snapshot refers to a property set it does not hold.");
                }

                var (set, hash) = sets[number - 1];
                timeline.Add(name, new TimelineEntry(ticks, messageId, set, hash));
            }
        }

        return timeline;
    }

    private static void WriteProperties(SnapshotWriter writer, EventProperty[] properties)
    {
        writer.WriteInt(properties.Length);
        foreach (var property in properties)
        {
            writer.WriteString(property.Name);
            writer.WriteByte((byte)property.Value.Kind);
            writer.WriteString(property.Value.Text);
        }
    }

    private static EventProperty[] ReadProperties(SnapshotReader reader)
    {
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

        return properties;
    }

    /// <summary>A property set compared by its names and values, with its hash computed when it was captured.</summary>
    private readonly struct PropertySetKey(EventProperty[] properties, int hash) : IEquatable<PropertySetKey>
    {
        private readonly EventProperty[] _properties = properties;
        private readonly int _hash = hash;

        public bool Equals(PropertySetKey other) => _hash == other._hash && TimelinePropertySets.ContentEquals(_properties, other._properties);

        public override bool Equals(object? obj) => obj is PropertySetKey other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
