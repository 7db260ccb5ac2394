namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>The calls shoppers make: an identify, a page view, and the e-commerce v2 and email engagement tracks.</summary>
public enum ShopperEventKind
{
    /// <summary>An <c>identify</c> call with traits: a login, a sign-up or an account made at checkout.</summary>
    Identify,

    /// <summary>A <c>page</c> call: the landing page of a browsing session.</summary>
    Page,

    ProductsSearched,

    ProductListViewed,

    ProductViewed,

    ProductAdded,

    ProductRemoved,

    CartViewed,

    CheckoutStarted,

    OrderCompleted,

    EmailOpened,

    EmailLinkClicked,
}
