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

    /// <summary>The entry holding the shared copies of its product fields (see <see cref="SharedStrings"/>).</summary>
    public ProductViewEntry WithSharedStrings() => this with
    {
        ProductKey = Share(ProductKey),
        Name = Share(Name),
        Category = Share(Category),
        ImageUrl = Share(ImageUrl),
        Url = Share(Url),
    };

    private static string? Share(string? text) => text is null ? null : SharedStrings.Share(text);

    public int CompareTo(ProductViewEntry other) => Key.CompareTo(other.Key);
}
