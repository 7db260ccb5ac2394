using Segmentation.Domain.Profiles;

namespace Segmentation.Domain.Views;

/// <summary>Recent products, categories and searches (most recent first, at most 50 each), sessions and time on page.</summary>
public sealed record ProfileBrowsingView(
    IReadOnlyList<ViewedProduct> RecentProducts,
    IReadOnlyList<ViewedCategory> RecentCategories,
    IReadOnlyList<SearchRecord> RecentSearches,
    int SessionCount,
    DateTimeOffset? LastSiteActivityAt,
    TimeSpan TotalTimeOnPage);
