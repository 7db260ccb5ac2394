using Segmentation.Domain.Profiles;

namespace Segmentation.Domain.Views;

/// <summary>Consent, suppression and engagement.</summary>
public sealed record ProfileEmailView(
    EmailConsent Consent,
    EmailSuppression Suppression,
    bool CanReceiveMarketingEmail,
    EmailEngagement Engagement,
    IReadOnlyList<CampaignEngagement> Campaigns);
