namespace Segmentation.Domain.Profiles.State;

/// <summary>One track event on the <see cref="EventTimeline"/>, ordered by its event key.</summary>
internal readonly record struct TimelineEntry(long Ticks, string MessageId, EventProperty[] Properties) : ITimed, IComparable<TimelineEntry>
{
    public EventKey Key => new(Ticks, MessageId);

    public int CompareTo(TimelineEntry other) => Key.CompareTo(other.Key);
}
