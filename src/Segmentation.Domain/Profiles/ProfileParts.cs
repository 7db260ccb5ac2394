namespace Segmentation.Domain.Profiles;

/// <summary>
/// The parts of a <see cref="CustomerProfile"/> a segment rule can read, as flags: what applying a message can change
/// (<see cref="ProfileChanges.Of"/>) and what a rule depends on.
/// </summary>
[Flags]
public enum ProfileParts
{
    None = 0,

    /// <summary>The user id.</summary>
    Identity = 1 << 0,

    /// <summary>Identify traits: email, names, phone, country and time zone traits, custom traits.</summary>
    Traits = 1 << 1,

    /// <summary>The newest <c>context.timezone</c> and <c>context.location.country</c>.</summary>
    Context = 1 << 2,

    /// <summary>Email consent and suppression (unsubscribes, bounces, complaints).</summary>
    Consent = 1 << 3,

    /// <summary>Orders: totals, first and last order, the order windows, the RFM input.</summary>
    Orders = 1 << 4,

    /// <summary>The cart: lines, value, when it was last changed and checkout started.</summary>
    Cart = 1 << 5,

    /// <summary>The Product Viewed window.</summary>
    ProductViews = 1 << 6,

    /// <summary>The Product Added window.</summary>
    CartAdds = 1 << 7,

    /// <summary>Email opens and clicks.</summary>
    EmailEngagement = 1 << 8,

    /// <summary>The last activity (site events, email opens and clicks).</summary>
    Activity = 1 << 9,

    /// <summary>The first-seen time.</summary>
    FirstSeen = 1 << 10,

    /// <summary>The count and timeline of the message's own track event name.</summary>
    NamedEvents = 1 << 11,

    /// <summary>Every part.</summary>
    All = (1 << 12) - 1,
}
