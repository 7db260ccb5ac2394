using System.Text.Json;
using Segmentation.Domain.Profiles.State;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles;

/// <summary>Email: marketing consent, suppression (bounces, complaints) and engagement (opens, clicks).</summary>
public sealed partial class CustomerProfile
{
    private EngagementState? _engagement;
    private ConsentStatus _consentStatus;
    private string? _consentSource;
    private EventKey? _consentStamp;
    private long? _hardBounceTicks;
    private int _hardBounces;
    private int _softBounces;
    private long? _complaintTicks;
    private int _complaints;

    private EngagementState Engagement => _engagement ?? EngagementState.Empty;

    /// <summary>The latest consent signal: identify traits (<c>email_consent</c>, <c>unsubscribed</c>, <c>subscribed</c>, <c>accepts_marketing</c>) or an Unsubscribed event.</summary>
    public EmailConsent EmailConsent => _consentStamp is { } stamp
        ? new EmailConsent(_consentStatus, Time.At(stamp.Ticks), _consentSource)
        : EmailConsent.Unknown;

    public EmailSuppression Suppression => new(
        _consentStatus == ConsentStatus.Unsubscribed,
        Time.At(_hardBounceTicks),
        _hardBounces,
        _softBounces,
        Time.At(_complaintTicks),
        _complaints);

    /// <summary>Subscribed, not suppressed, and an email address is known.</summary>
    public bool CanReceiveMarketingEmail =>
        _consentStatus == ConsentStatus.Subscribed && Email is not null && !Suppression.IsSuppressed;

    public EmailEngagement EmailEngagement => Engagement.Totals;

    /// <summary>Opens and clicks per campaign, ordered by campaign.</summary>
    public IReadOnlyList<CampaignEngagement> GetCampaignEngagement() => Engagement.Campaigns();

    public CampaignEngagement? GetCampaignEngagement(string campaign) => Engagement.Campaign(campaign);

    private void ApplyConsentTraits(Utf8JsonMembers traits, EventKey key)
    {
        if (ParseConsent(traits.Get("email_consent"u8)) is { } consent)
        {
            SetConsent(consent, "identify:email_consent", key);
        }
        else if (traits.GetBool("unsubscribed"u8) is { } unsubscribed)
        {
            SetConsent(unsubscribed ? ConsentStatus.Unsubscribed : ConsentStatus.Subscribed, "identify:unsubscribed", key);
        }
        else if (traits.GetBool("subscribed"u8) is { } subscribed)
        {
            SetConsent(subscribed ? ConsentStatus.Subscribed : ConsentStatus.Unsubscribed, "identify:subscribed", key);
        }
        else if (traits.GetBool("accepts_marketing"u8) is { } accepts)
        {
            SetConsent(accepts ? ConsentStatus.Subscribed : ConsentStatus.Unsubscribed, "identify:accepts_marketing", key);
        }
    }

    private static ConsentStatus? ParseConsent(Utf8JsonValue value)
    {
        if (value.Kind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.Kind == JsonValueKind.True ? ConsentStatus.Subscribed : ConsentStatus.Unsubscribed;
        }

        return EventFields.AsString(value)?.ToUpperInvariant() switch
        {
            "SUBSCRIBED" or "GRANTED" or "OPT_IN" or "OPTED_IN" or "YES" or "TRUE" => ConsentStatus.Subscribed,
            "UNSUBSCRIBED" or "DENIED" or "REVOKED" or "OPT_OUT" or "OPTED_OUT" or "NO" or "FALSE" => ConsentStatus.Unsubscribed,
            _ => null,
        };
    }

    private void SetConsent(ConsentStatus status, string source, EventKey key)
    {
        if (EventKey.IsNewer(key, _consentStamp))
        {
            _consentStatus = status;
            _consentSource = source;
            _consentStamp = key;
        }
    }

    private void ApplyBounce(ProfileEvent evt)
    {
        var type = evt.Properties.GetString("bounce_type"u8, "type"u8);
        if (string.Equals(type, "soft", StringComparison.OrdinalIgnoreCase))
        {
            _softBounces++;
            return;
        }

        _hardBounces++;
        _hardBounceTicks = Time.Min(_hardBounceTicks, evt.Ticks);
    }

    private void ApplyComplaint(ProfileEvent evt)
    {
        _complaints++;
        _complaintTicks = Time.Min(_complaintTicks, evt.Ticks);
    }

    private void ApplyEmailEngagement(ProfileEvent evt)
    {
        var campaign = evt.Properties.GetString("campaign_id"u8, "campaign_name"u8, "campaign"u8);
        var campaignValue = evt.Context.Get("campaign"u8);
        if (campaign is null && campaignValue.Kind == JsonValueKind.Object)
        {
            Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
            campaign = campaignValue.ReadObject(slots).GetString("name"u8);
        }

        (_engagement ??= new()).Record(evt.Known == KnownEvent.EmailLinkClicked, evt.Ticks, campaign);
    }
}
