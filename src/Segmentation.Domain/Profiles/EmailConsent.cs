namespace Segmentation.Domain.Profiles;

/// <summary>The latest email marketing consent signal (last write wins by event time, ties by message id).</summary>
/// <remarks>
/// <para><c>Source</c>: Where it came from, e.g. <c>identify:email_consent</c> or <c>track:Unsubscribed</c>.</para>
/// </remarks>
public sealed record EmailConsent(ConsentStatus Status, DateTimeOffset? ChangedAt, string? Source)
{
    public static EmailConsent Unknown { get; } = new(ConsentStatus.Unknown, null, null);
}
