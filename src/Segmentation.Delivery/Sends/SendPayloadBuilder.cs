using Segmentation.Domain.Profiles;
using Segmentation.Domain.Views;

namespace Segmentation.Delivery.Sends;

/// <summary>Builds a <see cref="SendPayload"/> from a customer's profile view, the way every trigger fills it.</summary>
public static class SendPayloadBuilder
{
    /// <summary>
    /// The recipient (email and first name), RFM and lifecycle of <paramref name="profile"/>; the cart lines and value
    /// when <paramref name="includeCart"/>; the browsed product and trigger-specific <paramref name="properties"/> when
    /// given. Null when the profile has no email: such a customer cannot be sent to (record a skip instead).
    /// </summary>
    public static SendPayload? FromProfile(
        CustomerProfileView profile,
        bool includeCart = false,
        ViewedProduct? browsedProduct = null,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(profile.Traits.Email))
        {
            return null;
        }

        var cart = includeCart ? profile.Cart : null;
        return new SendPayload(
            new SendRecipient(profile.Traits.Email.Trim(), profile.Traits.FirstName),
            cart is null ? [] : [.. cart.Lines.Select(ToCartItem)],
            cart?.Value,
            browsedProduct is null ? null : ToProduct(browsedProduct),
            profile.Rfm is { } rfm ? new SendRfm(rfm.Scores.Recency, rfm.Scores.Frequency, rfm.Scores.Monetary, rfm.Cell, rfm.CellName) : null,
            profile.Lifecycle.Stage,
            [],
            properties is null
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : new Dictionary<string, string>(properties, StringComparer.Ordinal));
    }

    public static SendCartItem ToCartItem(ProductLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new SendCartItem(line.ProductId, line.Sku, line.Name, line.ImageUrl, line.Url, line.Price, line.Quantity);
    }

    public static SendProduct ToProduct(ViewedProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new SendProduct(product.ProductKey, product.Name, product.Category, product.ImageUrl, product.Url, product.Price);
    }
}
