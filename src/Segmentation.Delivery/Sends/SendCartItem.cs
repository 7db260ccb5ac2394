namespace Segmentation.Delivery.Sends;

/// <summary>One cart line as the email shows it.</summary>
/// <param name="ProductId">The product id (<c>product_id</c>), else null.</param>
/// <param name="Sku">The SKU, else null.</param>
/// <param name="Name">The product name, else null.</param>
/// <param name="ImageUrl">The product image, else null.</param>
/// <param name="Url">The product page, else null.</param>
/// <param name="Price">The unit price, else null.</param>
/// <param name="Quantity">How many are in the cart.</param>
public sealed record SendCartItem(string? ProductId, string? Sku, string? Name, string? ImageUrl, string? Url, decimal? Price, int Quantity);
