namespace Segmentation.Domain.Profiles.State;

/// <summary>An order that counts (placed, not cancelled) on the counted-orders timeline, with its net amount.</summary>
internal readonly record struct CountedOrderEntry(long Ticks, string OrderId, decimal Net) : ITimed, IComparable<CountedOrderEntry>
{
    public int CompareTo(CountedOrderEntry other)
    {
        var byTime = Ticks.CompareTo(other.Ticks);
        return byTime != 0 ? byTime : string.CompareOrdinal(OrderId, other.OrderId);
    }
}
