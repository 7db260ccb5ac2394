using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;

namespace Segmentation.Domain.Views;

/// <summary>Everything the API returns about one customer at an instant: plain records, safe to serialize.</summary>
/// <remarks>
/// <para><c>Windows</c>: the 1/7/30/90-day totals at <c>AsOf</c>.</para>
/// <para><c>NextWindowChangeAt</c>: when a window total next changes by time passing.</para>
/// <para><c>Rfm</c>: null without orders or without cut points.</para>
/// </remarks>
public sealed record CustomerProfileView(
    DateTimeOffset AsOf,
    ProfileIdentityView Identity,
    ProfileTraitsView Traits,
    ProfileEmailView Email,
    CartContents Cart,
    ProfileBrowsingView Browsing,
    ProfilePurchasesView Purchases,
    IReadOnlyList<EventStats> Events,
    IReadOnlyList<WindowTotals> Windows,
    DateTimeOffset? NextWindowChangeAt,
    ProfileRfmView? Rfm,
    LifecycleAssessment Lifecycle);
