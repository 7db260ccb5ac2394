using Segmentation.Domain.Lifecycle;

namespace Segmentation.Delivery.Sends;

/// <summary>
/// What the email needs, fixed when the send is made (so every attempt posts the same body): the recipient, the cart
/// (lines and value), the browsed product, RFM and lifecycle, a recommendations slot, and trigger-specific values.
/// </summary>
/// <param name="Recipient">The address and first name.</param>
/// <param name="CartItems">The cart lines in the order they were added; empty when the trigger is not about the cart.</param>
/// <param name="CartValue">The sum of price times quantity; null when the trigger is not about the cart.</param>
/// <param name="BrowsedProduct">The product a browse-abandonment send is about; null otherwise.</param>
/// <param name="Rfm">The RFM scores and cell; null without orders or before the first RFM refresh.</param>
/// <param name="LifecycleStage">The lifecycle stage when the send was made; null when unknown.</param>
/// <param name="Recommendations">Products to recommend; empty until recommendations are computed.</param>
/// <param name="Properties">Trigger-specific values for the template (e.g. <c>milestone</c>, <c>segment</c>), by name.</param>
public sealed record SendPayload(
    SendRecipient Recipient,
    IReadOnlyList<SendCartItem> CartItems,
    decimal? CartValue,
    SendProduct? BrowsedProduct,
    SendRfm? Rfm,
    LifecycleStage? LifecycleStage,
    IReadOnlyList<SendProduct> Recommendations,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>A payload with only the recipient: no cart, product, RFM, lifecycle, recommendations or properties.</summary>
    public static SendPayload For(SendRecipient recipient) =>
        new(recipient, [], null, null, null, null, [], new Dictionary<string, string>(StringComparer.Ordinal));
}
