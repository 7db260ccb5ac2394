namespace Segmentation.Domain.Profiles.State;

/// <summary>One track event on the <see cref="EventTimeline"/>, ordered by its event key.</summary>
/// <remarks><c>Properties</c> may be shared with other entries and is never changed; <c>PropertiesHash</c> is its
/// <see cref="TimelinePropertySets.ContentHash"/>.</remarks>
internal readonly record struct TimelineEntry(long Ticks, string MessageId, EventProperty[] Properties, int PropertiesHash)
    : ITimed, IComparable<TimelineEntry>
{
    public EventKey Key => new(Ticks, MessageId);

    public int CompareTo(TimelineEntry other) => Key.CompareTo(other.Key);
}
