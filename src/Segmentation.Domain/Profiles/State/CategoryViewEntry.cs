namespace Segmentation.Domain.Profiles.State;

/// <summary>One Product List Viewed event with a category, kept for the window retention.</summary>
internal readonly record struct CategoryViewEntry(long Ticks, string MessageId, string Category) : ITimed, IComparable<CategoryViewEntry>
{
    public EventKey Key => new(Ticks, MessageId);

    public int CompareTo(CategoryViewEntry other) => Key.CompareTo(other.Key);
}
