namespace Segmentation.Domain.Profiles.State;

/// <summary>A placed order on the window timeline.</summary>
internal readonly record struct OrderTimeEntry(long Ticks, string OrderId) : ITimed, IComparable<OrderTimeEntry>
{
    public int CompareTo(OrderTimeEntry other)
    {
        var byTime = Ticks.CompareTo(other.Ticks);
        return byTime != 0 ? byTime : string.CompareOrdinal(OrderId, other.OrderId);
    }
}
