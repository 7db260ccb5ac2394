using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>
/// A track event on the event timeline: its time and its scalar top-level properties (within the limits of
/// <see cref="ProfileLimits"/>: at most <see cref="ProfileLimits.TimelinePropertiesPerEvent"/> properties by name,
/// strings up to <see cref="ProfileLimits.TimelineValueMaxLength"/> characters).
/// </summary>
public readonly struct TrackedEvent
{
    private readonly TimelineEntry _entry;

    internal TrackedEvent(TimelineEntry entry)
    {
        _entry = entry;
    }

    /// <summary>The event's UTC ticks.</summary>
    public long Ticks => _entry.Ticks;

    public DateTimeOffset At => Time.At(_entry.Ticks);

    public string MessageId => _entry.MessageId;

    /// <summary>The kept properties, ordered by name (ordinal).</summary>
    public IReadOnlyList<EventProperty> Properties => _entry.Properties;

    /// <summary>
    /// The copy of a property name that the timeline's events share (when it keeps one), so looking a property up by it
    /// compares by reference.
    /// </summary>
    public static string ShareName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SharedStrings.Share(name);
    }

    /// <summary>The numeric reading of a kept property (a number, or a numeric string) by its exact name.</summary>
    public bool TryGetNumber(string name, out decimal number)
    {
        var index = IndexOf(name);
        if (index >= 0 && _entry.Properties[index].Value.Number is { } value)
        {
            number = value;
            return true;
        }

        number = 0m;
        return false;
    }

    /// <summary>The text of a kept property by its exact name (see <see cref="ScalarValue.Text"/>).</summary>
    public bool TryGetText(string name, out string text)
    {
        var index = IndexOf(name);
        text = index >= 0 ? _entry.Properties[index].Value.Text : string.Empty;
        return index >= 0;
    }

    /// <summary>A kept property by its exact name.</summary>
    public bool TryGetProperty(string name, out ScalarValue value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? _entry.Properties[index].Value : default;
        return index >= 0;
    }

    private int IndexOf(string name)
    {
        var properties = _entry.Properties;
        for (var i = 0; i < properties.Length; i++)
        {
            if (string.Equals(properties[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
