namespace Segmentation.Domain.Profiles;

/// <summary>A product the customer viewed within the window retention (90 days before the latest event).</summary>
/// <remarks>
/// <para><c>ProductKey</c>: <c>product_id</c>, else <c>sku</c>.</para>
/// <para><c>ViewCount</c>: Product Viewed events for it within the retention.</para>
/// <para>Name, category, price, image and url come from the latest view.</para>
/// </remarks>
public sealed record ViewedProduct(
    string ProductKey,
    string? Name,
    string? Category,
    decimal? Price,
    string? ImageUrl,
    string? Url,
    int ViewCount,
    DateTimeOffset LastViewedAt);
