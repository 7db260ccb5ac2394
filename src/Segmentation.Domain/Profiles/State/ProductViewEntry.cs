namespace Segmentation.Domain.Profiles.State;

/// <summary>One Product Viewed event, kept for the window retention.</summary>
internal readonly record struct ProductViewEntry(
    long Ticks,
    string MessageId,
    string? ProductKey,
    string? Name,
    string? Category,
    decimal? Price,
    string? ImageUrl,
    string? Url) : ITimed, IComparable<ProductViewEntry>
{
    public EventKey Key => new(Ticks, MessageId);

    public int CompareTo(ProductViewEntry other) => Key.CompareTo(other.Key);
}
