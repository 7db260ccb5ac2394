using Segmentation.Delivery.Sends;
using Segmentation.Domain.Lifecycle;

namespace Segmentation.Delivery.Esp;

/// <summary>
/// A send as the ESP receives it: the <c>data</c> of a webhook and the <c>dynamic_template_data</c> of a SendGrid
/// mail. Flat, so templates read <c>firstName</c>, <c>cartItems</c> or <c>properties.milestone</c> directly.
/// Properties are sorted by name, so every attempt posts the same bytes.
/// </summary>
internal sealed record EspSendData(
    string SendId,
    string CustomerId,
    string Trigger,
    string OccurrenceKey,
    SendKind Kind,
    string? TemplateId,
    DateTimeOffset CreatedAt,
    string Email,
    string? FirstName,
    IReadOnlyList<SendCartItem> CartItems,
    decimal? CartValue,
    SendProduct? BrowsedProduct,
    SendRfm? Rfm,
    LifecycleStage? LifecycleStage,
    IReadOnlyList<SendProduct> Recommendations,
    SortedDictionary<string, string> Properties)
{
    public static EspSendData From(SendIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var payload = intent.Payload;
        return new EspSendData(
            intent.SendId,
            intent.CustomerId,
            intent.Trigger,
            intent.OccurrenceKey,
            intent.Kind,
            intent.TemplateId,
            intent.CreatedAt,
            payload.Recipient.Email,
            payload.Recipient.FirstName,
            payload.CartItems,
            payload.CartValue,
            payload.BrowsedProduct,
            payload.Rfm,
            payload.LifecycleStage,
            payload.Recommendations,
            new SortedDictionary<string, string>(payload.Properties.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal));
    }
}
