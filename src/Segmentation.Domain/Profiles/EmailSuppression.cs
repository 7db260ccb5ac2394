namespace Segmentation.Domain.Profiles;

/// <summary>
/// Why email must not be sent. Hard bounces and spam complaints are sticky (they keep the earliest time);
/// unsubscription follows <see cref="EmailConsent"/>.
/// </summary>
public readonly record struct EmailSuppression(
    bool IsUnsubscribed,
    DateTimeOffset? HardBouncedAt,
    int HardBounces,
    int SoftBounces,
    DateTimeOffset? ComplainedAt,
    int Complaints)
{
    public bool IsBounced => HardBouncedAt is not null;

    public bool IsComplained => ComplainedAt is not null;

    public bool IsSuppressed => IsUnsubscribed || IsBounced || IsComplained;
}
