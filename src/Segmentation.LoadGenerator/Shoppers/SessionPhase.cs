namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>Where a <see cref="ShopperSession"/> is.</summary>
internal enum SessionPhase
{
    /// <summary>Not started yet: a known customer logs in (identify) first.</summary>
    Start,

    /// <summary>Arriving: through a campaign email or on a landing page.</summary>
    Landing,

    /// <summary>Opened an email and will click its link.</summary>
    EmailOpened,

    Browsing,

    /// <summary>Started checkout and will complete the order.</summary>
    Checkout,

    Ended,
}
