using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Product and category views within the window retention, with per-product and per-category aggregates
/// derived from them, the most recent searches, and time on page. Every part is a function of the set of
/// events (not of their arrival order): aggregates count the retained views and take details from the
/// newest view by key; searches keep the newest <see cref="ProfileLimits.RecentItemsLimit"/> by key.
/// </summary>
internal sealed partial class BrowsingState
{
    private readonly TimedBuffer<ProductViewEntry> _productViews = new();
    private readonly TimedBuffer<CategoryViewEntry> _categoryViews = new();
    private readonly Dictionary<string, ProductStat> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CategoryStat> _categories = new(StringComparer.Ordinal);
    private readonly List<SearchEntry> _searches = [];

    public TimedBuffer<ProductViewEntry> ProductViews => _productViews;

    public long TimeOnPageMillis { get; private set; }

    public int TimeOnPageSamples { get; private set; }

    public void AddProductView(ProductViewEntry entry)
    {
        entry = entry.WithSharedStrings();
        _productViews.Add(entry);
        if (entry.ProductKey is { } productKey)
        {
            if (!_products.TryGetValue(productKey, out var stat))
            {
                stat = new ProductStat(entry);
                _products.Add(productKey, stat);
            }
            else if (entry.Key > stat.Latest.Key)
            {
                stat.Latest = entry;
            }

            stat.Count++;
        }

        if (entry.Category is { } category)
        {
            CountCategory(category, entry.Key);
        }
    }

    public void AddCategoryView(CategoryViewEntry entry)
    {
        entry = entry with { Category = SharedStrings.Share(entry.Category) };
        _categoryViews.Add(entry);
        CountCategory(entry.Category, entry.Key);
    }

    public void AddSearch(EventKey key, string query)
    {
        var entry = new SearchEntry(key, query);
        if (_searches.Count >= ProfileLimits.RecentItemsLimit && entry.Key <= _searches[0].Key)
        {
            return;
        }

        var index = _searches.BinarySearch(entry);
        _searches.Insert(index < 0 ? ~index : index, entry);
        if (_searches.Count > ProfileLimits.RecentItemsLimit)
        {
            _searches.RemoveAt(0);
        }
    }

    public void AddTimeOnPage(long millis)
    {
        TimeOnPageMillis = TimeOnPageMillis > long.MaxValue - millis ? long.MaxValue : TimeOnPageMillis + millis;
        TimeOnPageSamples++;
    }

    public int ProductViewCount(string productKey) => _products.TryGetValue(productKey, out var stat) ? stat.Count : 0;

    /// <summary>Drops the views at or before <paramref name="ticks"/> and their share of the aggregates.</summary>
    public void PruneThrough(long ticks)
    {
        while (_productViews.FirstIsAtOrBefore(ticks))
        {
            var entry = _productViews[0];
            if (entry.ProductKey is { } productKey && --_products[productKey].Count == 0)
            {
                _products.Remove(productKey);
            }

            if (entry.Category is { } category)
            {
                UncountCategory(category);
            }

            _productViews.RemoveFirst();
        }

        while (_categoryViews.FirstIsAtOrBefore(ticks))
        {
            UncountCategory(_categoryViews[0].Category);
            _categoryViews.RemoveFirst();
        }
    }

    public void MergeFrom(BrowsingState other)
    {
        foreach (var entry in other._productViews.Items())
        {
            AddProductView(entry);
        }

        foreach (var entry in other._categoryViews.Items())
        {
            AddCategoryView(entry);
        }

        foreach (var search in other._searches)
        {
            AddSearch(search.Key, search.Query);
        }

        TimeOnPageMillis = TimeOnPageMillis > long.MaxValue - other.TimeOnPageMillis ? long.MaxValue : TimeOnPageMillis + other.TimeOnPageMillis;
        TimeOnPageSamples += other.TimeOnPageSamples;
    }

    private void CountCategory(string category, EventKey key)
    {
        if (!_categories.TryGetValue(category, out var stat))
        {
            _categories.Add(category, new CategoryStat { Count = 1, LastKey = key });
            return;
        }

        stat.Count++;
        if (key > stat.LastKey)
        {
            stat.LastKey = key;
        }
    }

    private void UncountCategory(string category)
    {
        if (--_categories[category].Count == 0)
        {
            _categories.Remove(category);
        }
    }

    private sealed class ProductStat(ProductViewEntry latest)
    {
        public int Count { get; set; }

        public ProductViewEntry Latest { get; set; } = latest;
    }

    private sealed class CategoryStat
    {
        public int Count { get; set; }

        public EventKey LastKey { get; set; }
    }

    private readonly record struct SearchEntry(EventKey Key, string Query) : IComparable<SearchEntry>
    {
        public int CompareTo(SearchEntry other) => Key.CompareTo(other.Key);
    }
}
