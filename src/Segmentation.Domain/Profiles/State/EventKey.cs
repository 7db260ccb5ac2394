namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// The total order in which events are folded: UTC timestamp ticks first, then the message id (ordinal),
/// so two events with the same timestamp still have one deterministic order.
/// </summary>
internal readonly record struct EventKey(long Ticks, string MessageId) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        var byTime = Ticks.CompareTo(other.Ticks);
        return byTime != 0 ? byTime : string.CompareOrdinal(MessageId, other.MessageId);
    }

    public static bool operator <(EventKey left, EventKey right) => left.CompareTo(right) < 0;

    public static bool operator >(EventKey left, EventKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(EventKey left, EventKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(EventKey left, EventKey right) => left.CompareTo(right) >= 0;

    /// <summary>True when <paramref name="candidate"/> wins a last-write-wins comparison against <paramref name="current"/>.</summary>
    public static bool IsNewer(EventKey candidate, EventKey? current) => current is not { } c || candidate > c;
}
