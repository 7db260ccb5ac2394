using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>Browsing: product and category views, searches, time on page and sessions.</summary>
public sealed partial class CustomerProfile
{
    private BrowsingState _browsing = new();
    private SessionTracker _sessions = new();

    /// <summary>Sessions: a site event after <see cref="ProfileLimits.SessionTimeout"/> without site events starts a new one.</summary>
    public int SessionCount => _sessions.SessionCount;

    /// <summary>The newest site event (page, screen, or a shop track event).</summary>
    public DateTimeOffset? LastSiteActivityAt => Time.At(_sessions.LastActivityTicks);

    /// <summary>The sum of <c>time_on_page</c> (seconds) or <c>time_on_page_ms</c> the client sent, in properties or <c>context.page</c>.</summary>
    public TimeSpan TotalTimeOnPage => _browsing.TimeOnPageMillis >= TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond
        ? TimeSpan.MaxValue
        : TimeSpan.FromTicks(_browsing.TimeOnPageMillis * TimeSpan.TicksPerMillisecond);

    /// <summary>How many events carried a time on page.</summary>
    public int TimeOnPageSamples => _browsing.TimeOnPageSamples;

    /// <summary>The products viewed within the window retention, most recent first.</summary>
    public IReadOnlyList<ViewedProduct> GetRecentlyViewedProducts(int limit = ProfileLimits.RecentItemsLimit) =>
        _browsing.RecentProducts(limit);

    /// <summary>The categories of product and list views within the window retention, most recent first.</summary>
    public IReadOnlyList<ViewedCategory> GetRecentlyViewedCategories(int limit = ProfileLimits.RecentItemsLimit) =>
        _browsing.RecentCategories(limit);

    /// <summary>The <see cref="ProfileLimits.RecentItemsLimit"/> most recent searches, most recent first.</summary>
    public IReadOnlyList<SearchRecord> RecentSearches => _browsing.RecentSearches();

    /// <summary>Product Viewed events for a product (product_id, else sku) within the window retention.</summary>
    public int GetProductViewCount(string productKey) => _browsing.ProductViewCount(productKey);

    private void ApplySearch(ProfileEvent evt)
    {
        if (JsonFields.GetString(evt.Properties, "query") is { } query)
        {
            _browsing.AddSearch(evt.Key, query);
        }
    }

    private void ApplyProductListViewed(ProfileEvent evt)
    {
        if (JsonFields.GetString(evt.Properties, "category") is { } category)
        {
            _browsing.AddCategoryView(new CategoryViewEntry(evt.Ticks, evt.Key.MessageId, category));
        }
    }

    private void ApplyProductViewed(ProfileEvent evt)
    {
        var properties = evt.Properties;
        _browsing.AddProductView(new ProductViewEntry(
            evt.Ticks,
            evt.Key.MessageId,
            JsonFields.GetString(properties, "product_id", "productId", "id") ?? JsonFields.GetString(properties, "sku"),
            JsonFields.GetString(properties, "name"),
            JsonFields.GetString(properties, "category"),
            JsonFields.GetDecimal(properties, "price"),
            JsonFields.GetString(properties, "image_url", "imageUrl"),
            JsonFields.GetString(properties, "url")));
    }

    private void ApplyTimeOnPage(ProfileEvent evt)
    {
        var page = JsonFields.GetObject(evt.Message.Context, "page");
        var seconds = JsonFields.GetDecimal(evt.Properties, "time_on_page", "timeOnPage")
            ?? JsonFields.GetDecimal(page, "time_on_page", "timeOnPage");
        var millis = JsonFields.GetDecimal(evt.Properties, "time_on_page_ms") ?? JsonFields.GetDecimal(page, "time_on_page_ms");
        var total = seconds is { } s ? Money.Multiply(s, 1000m) : millis;
        if (total is { } value && value > 0m)
        {
            _browsing.AddTimeOnPage(value >= long.MaxValue ? long.MaxValue : (long)decimal.Round(value, 0, MidpointRounding.AwayFromZero));
        }
    }
}
