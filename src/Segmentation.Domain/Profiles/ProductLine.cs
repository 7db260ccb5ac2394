using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>A product with a quantity: a cart line or an order item (Segment's e-commerce v2 product fields).</summary>
/// <remarks>
/// <para><c>LineKey</c>: The identity of the line: <c>product_id</c>, else <c>sku</c>, else <c>name</c>.</para>
/// </remarks>
public sealed record ProductLine(
    string LineKey,
    string? ProductId,
    string? Sku,
    string? Name,
    string? Category,
    string? Brand,
    decimal? Price,
    int Quantity,
    string? ImageUrl,
    string? Url)
{
    /// <summary>Price times quantity; zero without a price.</summary>
    public decimal LineValue => Price is { } price ? Money.Multiply(price, Quantity) : 0m;
}
