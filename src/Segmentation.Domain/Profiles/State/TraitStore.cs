using Segmentation.Domain.Serialization;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Traits as last-write-wins registers per top-level key, stamped with the writing event's key: a register keeps
/// the value with the greatest stamp, so any arrival order gives the same traits. Values are kept as
/// <see cref="TraitValue"/>s (private copies, never references into a message), in one array sorted by name. Two
/// context registers (time zone, country) take the values clients send in <c>context</c> on every call.
/// </summary>
internal sealed class TraitStore : IProfilePart<TraitStore>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static TraitStore Empty { get; } = new();

    private SortedStringMap<TraitValue> _values;

    public bool IsEmpty => _values.Count == 0 && ContextTimeZone is null && ContextCountry is null;

    public TraitValue? ContextTimeZone { get; private set; }

    public TraitValue? ContextCountry { get; private set; }

    /// <summary>The traits, in ordinal name order.</summary>
    public IEnumerable<KeyValuePair<string, TraitValue>> Values => _values.Pairs();

    public void Set(string name, Utf8JsonValue value, EventKey stamp)
    {
        if (!_values.TryGetValue(name, out var current) || stamp > current.Stamp)
        {
            _values.Set(name, TraitValue.Of(value, stamp));
        }
    }

    public void SetContext(string? timeZone, string? country, EventKey stamp)
    {
        if (timeZone is not null && (ContextTimeZone is null || stamp > ContextTimeZone.Stamp))
        {
            ContextTimeZone = Restamp(ContextTimeZone, timeZone, stamp);
        }

        if (country is not null && (ContextCountry is null || stamp > ContextCountry.Stamp))
        {
            ContextCountry = Restamp(ContextCountry, country, stamp);
        }
    }

    /// <summary>The current value with a newer stamp (its text and readings kept when the value is the same).</summary>
    private static TraitValue Restamp(TraitValue? current, string value, EventKey stamp) =>
        current is not null && current.Text == value ? current with { Stamp = stamp } : TraitValue.OfString(value, stamp);

    public TraitValue? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The newest of several spellings of one trait (e.g. <c>firstName</c> and <c>first_name</c>).</summary>
    public TraitValue? Newest(string first, string second)
    {
        var a = Get(first);
        var b = Get(second);
        return a is null ? b : b is null ? a : b.Stamp > a.Stamp ? b : a;
    }

    public void MergeFrom(TraitStore other)
    {
        foreach (var (name, value) in other.Values)
        {
            if (!_values.TryGetValue(name, out var current) || value.Stamp > current.Stamp)
            {
                _values.Set(name, value);
            }
        }

        if (other.ContextTimeZone is { } timeZone && (ContextTimeZone is null || timeZone.Stamp > ContextTimeZone.Stamp))
        {
            ContextTimeZone = timeZone;
        }

        if (other.ContextCountry is { } country && (ContextCountry is null || country.Stamp > ContextCountry.Stamp))
        {
            ContextCountry = country;
        }
    }

    public void Write(SnapshotWriter writer)
    {
        writer.WriteInt(_values.Count);
        foreach (var (name, value) in Values)
        {
            writer.WriteString(name);
            WriteValue(writer, value);
        }

        writer.WriteBool(ContextTimeZone is not null);
        if (ContextTimeZone is not null)
        {
            WriteValue(writer, ContextTimeZone);
        }

        writer.WriteBool(ContextCountry is not null);
        if (ContextCountry is not null)
        {
            WriteValue(writer, ContextCountry);
        }
    }

    public static TraitStore Read(SnapshotReader reader)
    {
        var store = new TraitStore();
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadSharedString();
            store._values.Set(name, ReadValue(reader));
        }

        store.ContextTimeZone = reader.ReadBool() ? ReadValue(reader) : null;
        store.ContextCountry = reader.ReadBool() ? ReadValue(reader) : null;
        return store;
    }

    private static void WriteValue(SnapshotWriter writer, TraitValue value)
    {
        writer.WriteString(value.Json);
        writer.WriteKey(value.Stamp);
    }

    private static TraitValue ReadValue(SnapshotReader reader)
    {
        var json = reader.ReadString();
        var stamp = reader.ReadKey();
        try
        {
            return TraitValue.Parse(json, stamp);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new FormatException("The snapshot holds a trait that is not JSON.", exception);
        }
    }
}
