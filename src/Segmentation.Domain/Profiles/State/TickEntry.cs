namespace Segmentation.Domain.Profiles.State;

/// <summary>A bare timestamp in a <see cref="TimedBuffer{T}"/>.</summary>
internal readonly record struct TickEntry(long Ticks) : ITimed, IComparable<TickEntry>
{
    public int CompareTo(TickEntry other) => Ticks.CompareTo(other.Ticks);
}
