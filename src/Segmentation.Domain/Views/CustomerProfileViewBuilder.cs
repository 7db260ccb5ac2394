using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;

namespace Segmentation.Domain.Views;

/// <summary>Builds a <see cref="CustomerProfileView"/> from a profile at an instant.</summary>
public static class CustomerProfileViewBuilder
{
    /// <param name="profile">The customer.</param>
    /// <param name="asOf">The instant for windows, recency and lifecycle.</param>
    /// <param name="cutPoints">The population's RFM cut points; without them the view has no RFM part.</param>
    /// <param name="lifecycleOptions">Lifecycle thresholds; the defaults when null.</param>
    public static CustomerProfileView Build(
        CustomerProfile profile,
        DateTimeOffset asOf,
        RfmCutPoints? cutPoints = null,
        LifecycleOptions? lifecycleOptions = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rfm = BuildRfm(profile, asOf, cutPoints);
        return new CustomerProfileView(
            asOf.ToUniversalTime(),
            new ProfileIdentityView(
                profile.UserId,
                profile.AnonymousIds.Order(StringComparer.Ordinal).ToList(),
                profile.FirstSeenAt,
                profile.LatestEventAt,
                profile.LastActivityAt),
            new ProfileTraitsView(
                profile.Email,
                profile.FirstName,
                profile.LastName,
                profile.Birthday,
                profile.TimeZone,
                profile.Country,
                profile.Phone,
                profile.GetCustomTraits()),
            new ProfileEmailView(
                profile.EmailConsent,
                profile.Suppression,
                profile.CanReceiveMarketingEmail,
                profile.EmailEngagement,
                profile.GetCampaignEngagement()),
            profile.Cart,
            new ProfileBrowsingView(
                profile.GetRecentlyViewedProducts(),
                profile.GetRecentlyViewedCategories(),
                profile.RecentSearches,
                profile.SessionCount,
                profile.LastSiteActivityAt,
                profile.TotalTimeOnPage),
            new ProfilePurchasesView(
                profile.OrderCount,
                profile.TotalRevenue,
                profile.RefundedRevenue,
                profile.AverageOrderValue,
                profile.FirstOrderAt,
                profile.LastOrderAt,
                profile.GetOrders()),
            profile.GetAllEventStats(),
            profile.GetAllWindowTotals(asOf),
            profile.NextWindowChange(asOf),
            rfm,
            LifecycleClassifier.Assess(profile, asOf, lifecycleOptions, rfm?.Cell));
    }

    /// <summary>The RFM part of the view; null without cut points or without an order.</summary>
    public static ProfileRfmView? BuildRfm(CustomerProfile profile, DateTimeOffset asOf, RfmCutPoints? cutPoints)
    {
        if (cutPoints is null || profile.GetRfmInput() is not { } input)
        {
            return null;
        }

        var scores = cutPoints.Score(input, asOf);
        return new ProfileRfmView(input, input.RecencyDays(asOf), scores, scores.Cell, RfmGrid.DisplayName(scores.Cell), cutPoints.Mode);
    }
}
