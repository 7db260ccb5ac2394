namespace Segmentation.Domain.Profiles.State;

/// <summary>The track events the profile gives a meaning to; every other name is a custom event (counted only).</summary>
internal enum KnownEvent : byte
{
    Custom,
    ProductsSearched,
    ProductListViewed,
    ProductViewed,
    ProductClicked,
    ProductAdded,
    ProductRemoved,
    CartViewed,
    CheckoutStarted,
    CheckoutStepCompleted,
    PaymentInfoEntered,
    OrderCompleted,
    OrderUpdated,
    OrderRefunded,
    OrderCancelled,
    EmailOpened,
    EmailLinkClicked,
    Unsubscribed,
    EmailBounced,
    EmailMarkedAsSpam,
}
