namespace Segmentation.Domain.Profiles;

/// <summary>Email opens and clicks of one campaign (<c>campaign_id</c>, else <c>campaign_name</c>, else <c>context.campaign.name</c>).</summary>
public sealed record CampaignEngagement(
    string Campaign,
    int Opens,
    int Clicks,
    DateTimeOffset? LastOpenedAt,
    DateTimeOffset? LastClickedAt);
