using System.Collections.Frozen;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Maps a track event name to a <see cref="KnownEvent"/>. Names are compared after removing everything but
/// letters and digits and lower-casing, so <c>Product Viewed</c>, <c>product_viewed</c> and <c>ProductViewed</c>
/// agree; a few common aliases (<c>add_to_cart</c>, Klaviyo's <c>Placed Order</c>) are accepted too.
/// </summary>
internal static class KnownEvents
{
    private static readonly FrozenDictionary<string, KnownEvent> Names = new Dictionary<string, KnownEvent>(StringComparer.Ordinal)
    {
        ["productssearched"] = KnownEvent.ProductsSearched,
        ["productsearched"] = KnownEvent.ProductsSearched,
        ["search"] = KnownEvent.ProductsSearched,
        ["productlistviewed"] = KnownEvent.ProductListViewed,
        ["productviewed"] = KnownEvent.ProductViewed,
        ["viewedproduct"] = KnownEvent.ProductViewed,
        ["productclicked"] = KnownEvent.ProductClicked,
        ["productadded"] = KnownEvent.ProductAdded,
        ["addtocart"] = KnownEvent.ProductAdded,
        ["addedtocart"] = KnownEvent.ProductAdded,
        ["productremoved"] = KnownEvent.ProductRemoved,
        ["removefromcart"] = KnownEvent.ProductRemoved,
        ["cartviewed"] = KnownEvent.CartViewed,
        ["checkoutstarted"] = KnownEvent.CheckoutStarted,
        ["startedcheckout"] = KnownEvent.CheckoutStarted,
        ["checkoutstepcompleted"] = KnownEvent.CheckoutStepCompleted,
        ["paymentinfoentered"] = KnownEvent.PaymentInfoEntered,
        ["ordercompleted"] = KnownEvent.OrderCompleted,
        ["placedorder"] = KnownEvent.OrderCompleted,
        ["orderupdated"] = KnownEvent.OrderUpdated,
        ["orderrefunded"] = KnownEvent.OrderRefunded,
        ["ordercancelled"] = KnownEvent.OrderCancelled,
        ["ordercanceled"] = KnownEvent.OrderCancelled,
        ["emailopened"] = KnownEvent.EmailOpened,
        ["openedemail"] = KnownEvent.EmailOpened,
        ["emaillinkclicked"] = KnownEvent.EmailLinkClicked,
        ["clickedemail"] = KnownEvent.EmailLinkClicked,
        ["unsubscribed"] = KnownEvent.Unsubscribed,
        ["unsubscribedfromemail"] = KnownEvent.Unsubscribed,
        ["emailbounced"] = KnownEvent.EmailBounced,
        ["bouncedemail"] = KnownEvent.EmailBounced,
        ["emailmarkedasspam"] = KnownEvent.EmailMarkedAsSpam,
        ["markedemailasspam"] = KnownEvent.EmailMarkedAsSpam,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static KnownEvent Classify(string? eventName)
    {
        if (string.IsNullOrEmpty(eventName) || eventName.Length > 64)
        {
            return KnownEvent.Custom;
        }

        Span<char> buffer = stackalloc char[eventName.Length];
        var length = 0;
        foreach (var c in eventName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(buffer[..length], out var known) ? known : KnownEvent.Custom;
    }

    /// <summary>Events a shop's back office or the ESP sends on the customer's behalf: not the customer's own activity.</summary>
    public static bool IsSystemEvent(KnownEvent known) => known is KnownEvent.OrderUpdated or KnownEvent.OrderRefunded
        or KnownEvent.OrderCancelled or KnownEvent.Unsubscribed or KnownEvent.EmailBounced or KnownEvent.EmailMarkedAsSpam;

    /// <summary>Email engagement: the customer's activity, but not a visit to the shop.</summary>
    public static bool IsEmailEngagement(KnownEvent known) => known is KnownEvent.EmailOpened or KnownEvent.EmailLinkClicked;
}
