namespace Segmentation.Delivery.Sends;

/// <summary>A product as the email shows it: the browsed product, or a recommendation.</summary>
/// <param name="ProductId">The product id (or SKU when the shop sends no id).</param>
/// <param name="Name">The product name, else null.</param>
/// <param name="Category">The category, else null.</param>
/// <param name="ImageUrl">The product image, else null.</param>
/// <param name="Url">The product page, else null.</param>
/// <param name="Price">The price, else null.</param>
public sealed record SendProduct(string ProductId, string? Name, string? Category, string? ImageUrl, string? Url, decimal? Price);
