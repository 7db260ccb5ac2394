using System.Text.Json;
using Segmentation.Domain.Profiles.State;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles;

/// <summary>Browsing: product and category views, searches, time on page and sessions.</summary>
public sealed partial class CustomerProfile
{
    private BrowsingState? _browsing;
    private SessionTracker? _sessions;

    private BrowsingState Browsing => _browsing ?? BrowsingState.Empty;

    private SessionTracker Sessions => _sessions ?? SessionTracker.Empty;

    /// <summary>Sessions: a site event after <see cref="ProfileLimits.SessionTimeout"/> without site events starts a new one.</summary>
    public int SessionCount => Sessions.SessionCount;

    /// <summary>The newest site event (page, screen, or a shop track event).</summary>
    public DateTimeOffset? LastSiteActivityAt => Time.At(Sessions.LastActivityTicks);

    /// <summary>The sum of <c>time_on_page</c> (seconds) or <c>time_on_page_ms</c> the client sent, in properties or <c>context.page</c>.</summary>
    public TimeSpan TotalTimeOnPage => Browsing.TimeOnPageMillis >= TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond
        ? TimeSpan.MaxValue
        : TimeSpan.FromTicks(Browsing.TimeOnPageMillis * TimeSpan.TicksPerMillisecond);

    /// <summary>How many events carried a time on page.</summary>
    public int TimeOnPageSamples => Browsing.TimeOnPageSamples;

    /// <summary>The products viewed within the window retention, most recent first.</summary>
    public IReadOnlyList<ViewedProduct> GetRecentlyViewedProducts(int limit = ProfileLimits.RecentItemsLimit) =>
        Browsing.RecentProducts(limit);

    /// <summary>The categories of product and list views within the window retention, most recent first.</summary>
    public IReadOnlyList<ViewedCategory> GetRecentlyViewedCategories(int limit = ProfileLimits.RecentItemsLimit) =>
        Browsing.RecentCategories(limit);

    /// <summary>The <see cref="ProfileLimits.RecentItemsLimit"/> most recent searches, most recent first.</summary>
    public IReadOnlyList<SearchRecord> RecentSearches => Browsing.RecentSearches();

    /// <summary>Product Viewed events for a product (product_id, else sku) within the window retention.</summary>
    public int GetProductViewCount(string productKey) => Browsing.ProductViewCount(productKey);

    private void ApplySearch(ProfileEvent evt)
    {
        if (evt.Properties.GetString("query"u8) is { } query)
        {
            (_browsing ??= new()).AddSearch(evt.Key, query);
        }
    }

    private void ApplyProductListViewed(ProfileEvent evt)
    {
        if (evt.Properties.GetSharedString("category"u8) is { } category)
        {
            (_browsing ??= new()).AddCategoryView(new CategoryViewEntry(evt.Ticks, evt.Key.MessageId, category));
        }
    }

    private void ApplyProductViewed(ProfileEvent evt)
    {
        var properties = evt.Properties;
        (_browsing ??= new()).AddProductView(new ProductViewEntry(
            evt.Ticks,
            evt.Key.MessageId,
            properties.GetSharedString("product_id"u8, "productId"u8, "id"u8) ?? properties.GetSharedString("sku"u8),
            properties.GetSharedString("name"u8),
            properties.GetSharedString("category"u8),
            properties.GetDecimal("price"u8),
            properties.GetSharedString("image_url"u8, "imageUrl"u8),
            properties.GetSharedString("url"u8)));
    }

    private void ApplyTimeOnPage(ProfileEvent evt)
    {
        var properties = evt.Properties;
        var seconds = properties.GetDecimal("time_on_page"u8, "timeOnPage"u8);
        var millis = properties.GetDecimal("time_on_page_ms"u8);
        var pageValue = evt.Context.Get("page"u8);
        if ((seconds is null || millis is null) && pageValue.Kind == JsonValueKind.Object)
        {
            Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
            var page = pageValue.ReadObject(slots);
            seconds ??= page.GetDecimal("time_on_page"u8, "timeOnPage"u8);
            millis ??= page.GetDecimal("time_on_page_ms"u8);
        }

        var total = seconds is { } s ? Money.Multiply(s, 1000m) : millis;
        if (total is { } value && value > 0m)
        {
            (_browsing ??= new()).AddTimeOnPage(value >= long.MaxValue ? long.MaxValue : (long)decimal.Round(value, 0, MidpointRounding.AwayFromZero));
        }
    }
}
