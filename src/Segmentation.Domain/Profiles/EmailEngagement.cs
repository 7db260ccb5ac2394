namespace Segmentation.Domain.Profiles;

/// <summary>Email opens and clicks, all campaigns together.</summary>
public readonly record struct EmailEngagement(
    int Opens,
    int Clicks,
    DateTimeOffset? FirstOpenedAt,
    DateTimeOffset? LastOpenedAt,
    DateTimeOffset? FirstClickedAt,
    DateTimeOffset? LastClickedAt);
