using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
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
        return Create(
            profile.Traits.Email, profile.Traits.FirstName, includeCart ? profile.Cart : null, profile.Rfm, profile.Lifecycle.Stage,
            browsedProduct, properties);
    }

    /// <summary>
    /// The same payload as <see cref="FromProfile(CustomerProfileView, bool, ViewedProduct?, IReadOnlyDictionary{string, string}?)"/>
    /// of the profile's view at <paramref name="asOf"/>, computing only the parts a send shows (not the whole view).
    /// </summary>
    public static SendPayload? FromProfile(
        CustomerProfile profile,
        DateTimeOffset asOf,
        RfmCutPoints? cutPoints,
        LifecycleOptions? lifecycleOptions,
        bool includeCart = false,
        ViewedProduct? browsedProduct = null,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rfm = CustomerProfileViewBuilder.BuildRfm(profile, asOf, cutPoints);
        var stage = LifecycleClassifier.Classify(profile, asOf, lifecycleOptions, rfm?.Cell);
        return Create(profile.Email, profile.FirstName, includeCart ? profile.Cart : null, rfm, stage, browsedProduct, properties);
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

    private static SendPayload? Create(
        string? email,
        string? firstName,
        CartContents? cart,
        ProfileRfmView? rfm,
        LifecycleStage stage,
        ViewedProduct? browsedProduct,
        IReadOnlyDictionary<string, string>? properties)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        return new SendPayload(
            new SendRecipient(email.Trim(), firstName),
            cart is null ? [] : [.. cart.Lines.Select(ToCartItem)],
            cart?.Value,
            browsedProduct is null ? null : ToProduct(browsedProduct),
            rfm is null ? null : new SendRfm(rfm.Scores.Recency, rfm.Scores.Frequency, rfm.Scores.Monetary, rfm.Cell, rfm.CellName),
            stage,
            [],
            properties is null
                ? new Dictionary<string, string>(StringComparer.Ordinal)
                : new Dictionary<string, string>(properties, StringComparer.Ordinal));
    }
}
