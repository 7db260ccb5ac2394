namespace Segmentation.Delivery.Outbox;

/// <summary>A send ordered by an instant (its due time or creation time), then by id (ordinal).</summary>
internal readonly record struct SendKey(DateTimeOffset At, string SendId) : IComparable<SendKey>
{
    public int CompareTo(SendKey other)
    {
        var byTime = At.UtcTicks.CompareTo(other.At.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(SendId, other.SendId);
    }

    public static bool operator <(SendKey left, SendKey right) => left.CompareTo(right) < 0;

    public static bool operator >(SendKey left, SendKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(SendKey left, SendKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SendKey left, SendKey right) => left.CompareTo(right) >= 0;
}
