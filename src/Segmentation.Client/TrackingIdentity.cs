namespace Segmentation.Client;

/// <summary>
/// Who a tracking call is about: a known <see cref="UserId"/> (your database id), an
/// <see cref="AnonymousId"/> (a cookie or device id for a visitor who has not signed in), or both.
/// At least one is required; neither may be empty or whitespace.
/// </summary>
/// <example>
/// <code>
/// var signedIn = TrackingIdentity.ForUser("customer-42");
/// var visitor = TrackingIdentity.ForAnonymous(cookieId);
/// var both = new TrackingIdentity("customer-42", cookieId);
/// </code>
/// </example>
public sealed record TrackingIdentity
{
    /// <summary>Creates an identity from a user id, an anonymous id, or both.</summary>
    /// <param name="userId">The known user id, or <see langword="null"/> when the visitor is anonymous.</param>
    /// <param name="anonymousId">The anonymous id, or <see langword="null"/> when only the user id is known.</param>
    /// <exception cref="ArgumentException">
    /// Both ids are <see langword="null"/>, or one of them is empty or whitespace.
    /// </exception>
    public TrackingIdentity(string? userId, string? anonymousId)
    {
        if (userId is not null && string.IsNullOrWhiteSpace(userId))
        {
            throw new ArgumentException(
                "The user id must not be empty or whitespace; pass null when the user is not known.", nameof(userId));
        }

        if (anonymousId is not null && string.IsNullOrWhiteSpace(anonymousId))
        {
            throw new ArgumentException(
                "The anonymous id must not be empty or whitespace; pass null when there is none.", nameof(anonymousId));
        }

        if (userId is null && anonymousId is null)
        {
            throw new ArgumentException(
                "A tracking identity needs a user id or an anonymous id (or both); both were null.", nameof(userId));
        }

        UserId = userId;
        AnonymousId = anonymousId;
    }

    /// <summary>The known user id (<c>userId</c> on the wire), or <see langword="null"/>.</summary>
    public string? UserId { get; }

    /// <summary>The anonymous visitor id (<c>anonymousId</c> on the wire), or <see langword="null"/>.</summary>
    public string? AnonymousId { get; }

    /// <summary>An identity for a signed-in user.</summary>
    /// <param name="userId">The user id; must not be null, empty or whitespace.</param>
    public static TrackingIdentity ForUser(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return new TrackingIdentity(userId, null);
    }

    /// <summary>An identity for an anonymous visitor.</summary>
    /// <param name="anonymousId">The anonymous id; must not be null, empty or whitespace.</param>
    public static TrackingIdentity ForAnonymous(string anonymousId)
    {
        ArgumentNullException.ThrowIfNull(anonymousId);
        return new TrackingIdentity(null, anonymousId);
    }
}
