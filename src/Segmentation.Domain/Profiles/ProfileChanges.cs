using Segmentation.Domain.Profiles.State;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles;

/// <summary>What <see cref="CustomerProfile.Apply"/> can change, told from the message alone (a superset: a part listed may be unchanged).</summary>
public static class ProfileChanges
{
    /// <summary>
    /// The parts applying <paramref name="message"/> can change. Every message can move the first-seen time; a user id
    /// the identity; a context the context location and time zone; an identify its traits and consent; a track event
    /// the count and timeline of its name, the last activity unless the back office or the email service sent it on
    /// the customer's behalf, and the parts its known name stands for (a view, the cart, orders, email).
    /// </summary>
    public static ProfileParts Of(TrackingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = ProfileParts.FirstSeen;
        if (!string.IsNullOrEmpty(message.UserId))
        {
            parts |= ProfileParts.Identity;
        }

        if (message.ContextJson.IsPresent)
        {
            parts |= ProfileParts.Context;
        }

        switch (message.Type)
        {
            case TrackingMessageType.Identify:
                return parts | ProfileParts.Traits | ProfileParts.Consent;
            case TrackingMessageType.Page or TrackingMessageType.Screen:
                return parts | ProfileParts.Activity;
            case TrackingMessageType.Track:
                var known = KnownEvents.Classify(message.Event);
                parts |= ProfileParts.NamedEvents | PartsOf(known);
                return KnownEvents.IsSystemEvent(known) ? parts : parts | ProfileParts.Activity;
            default:
                return parts;
        }
    }

    private static ProfileParts PartsOf(KnownEvent known) => known switch
    {
        KnownEvent.ProductViewed => ProfileParts.ProductViews,
        KnownEvent.ProductAdded => ProfileParts.Cart | ProfileParts.CartAdds,
        KnownEvent.ProductRemoved or KnownEvent.CartViewed or KnownEvent.CheckoutStarted => ProfileParts.Cart,
        KnownEvent.OrderCompleted => ProfileParts.Orders | ProfileParts.Cart,
        KnownEvent.OrderUpdated or KnownEvent.OrderRefunded or KnownEvent.OrderCancelled => ProfileParts.Orders,
        KnownEvent.EmailOpened or KnownEvent.EmailLinkClicked => ProfileParts.EmailEngagement,
        KnownEvent.Unsubscribed or KnownEvent.EmailBounced or KnownEvent.EmailMarkedAsSpam => ProfileParts.Consent,
        _ => ProfileParts.None,
    };
}
