using Segmentation.Domain.Profiles;
using Segmentation.Domain.Profiles.State;
using Segmentation.Tracking;

namespace Segmentation.Domain.Triggers;

/// <summary>
/// The life of one cart, as the customer grain sees it in log order: it starts at the first cart change (add, remove,
/// cart view) that leaves a non-empty cart, and ends when the cart is empty or a checkout or an order is applied, even
/// one timestamped before the cart's changes (the profile folds events in time order, so such an order leaves the
/// later add in the cart, but the customer bought). A new cart then starts only with a change later than everything
/// the closing saw.
/// </summary>
/// <param name="Since">When the open cart started (its key); null when none is open.</param>
/// <param name="ClosedAt">The latest instant a checkout or order closed a cart at: the later of its timestamp and the cart's last change then.</param>
public readonly record struct CartCycle(DateTimeOffset? Since, DateTimeOffset? ClosedAt)
{
    /// <summary>The cycle after <paramref name="message"/> was applied, leaving <paramref name="cart"/>.</summary>
    public CartCycle After(TrackingMessage message, CartSummary cart)
    {
        ArgumentNullException.ThrowIfNull(message);
        var kind = message.Type == TrackingMessageType.Track ? KnownEvents.Classify(message.Event) : KnownEvent.Custom;
        if (kind is KnownEvent.OrderCompleted or KnownEvent.CheckoutStarted)
        {
            var closedAt = Latest(Latest(ClosedAt, message.Timestamp), cart.LastModifiedAt);
            return new CartCycle(null, closedAt);
        }

        if (cart.IsEmpty)
        {
            return this with { Since = null };
        }

        var isChange = kind is KnownEvent.ProductAdded or KnownEvent.ProductRemoved or KnownEvent.CartViewed;
        return Since is null && isChange && cart.LastModifiedAt is { } changed && (ClosedAt is not { } closed || changed > closed)
            ? this with { Since = changed }
            : this;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : left > right ? left : right;
}
