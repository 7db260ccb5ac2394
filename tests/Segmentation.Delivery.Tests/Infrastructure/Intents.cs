using Segmentation.Delivery.Sends;
using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Rfm;

namespace Segmentation.Delivery.Tests.Infrastructure;

/// <summary>Send intents as the triggers make them.</summary>
internal static class Intents
{
    public const string Email = "ada@example.com";

    /// <summary>A send (cart abandonment unless <paramref name="trigger"/> says otherwise) for <paramref name="customerId"/> with two cart lines, RFM and lifecycle.</summary>
    public static SendIntent Cart(
        string customerId,
        string occurrenceKey,
        DateTimeOffset createdAt,
        SendKind kind = SendKind.Marketing,
        string? templateId = "d-cart-1",
        string trigger = "cart_abandonment")
    {
        var payload = new SendPayload(
            new SendRecipient(Email, "Ada"),
            [
                new SendCartItem("p-1", "sku-1", "Trail shoe", "https://shop.example/img/p-1.jpg", "https://shop.example/p/p-1", 89.90m, 1),
                new SendCartItem("p-2", null, "Wool socks", "https://shop.example/img/p-2.jpg", null, 12.50m, 3),
            ],
            127.40m,
            null,
            new SendRfm(4, 3, 5, RfmCell.PotentialLoyalists, "Potential Loyalists"),
            LifecycleStage.Active,
            [],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["store"] = "berlin", ["campaign"] = "spring" });
        return SendIntent.Create(customerId, trigger, occurrenceKey, kind, createdAt, templateId, payload);
    }
}
