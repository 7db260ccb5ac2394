namespace Segmentation.Domain.Views;

/// <summary>Who the customer is and when they were seen.</summary>
/// <remarks><para><c>AnonymousIds</c>: sorted (ordinal).</para></remarks>
public sealed record ProfileIdentityView(
    string? UserId,
    IReadOnlyList<string> AnonymousIds,
    DateTimeOffset? FirstSeenAt,
    DateTimeOffset? LatestEventAt,
    DateTimeOffset? LastActivityAt);
