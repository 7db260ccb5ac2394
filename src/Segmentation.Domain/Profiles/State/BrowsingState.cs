using System.Runtime.InteropServices;
using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// Product and category views within the window retention, with per-product and per-category aggregates
/// derived from them, the most recent searches, and time on page. Every part is a function of the set of
/// events (not of their arrival order): aggregates count the retained views and take details from the
/// newest view by key; searches keep the newest <see cref="ProfileLimits.RecentItemsLimit"/> by key.
/// </summary>
internal sealed partial class BrowsingState : IProfilePart<BrowsingState>
{
    /// <summary>The part of a profile that has none yet, for reads: never changed.</summary>
    public static BrowsingState Empty { get; } = new();

    private readonly TimedBuffer<ProductViewEntry> _productViews = new();
    private readonly TimedBuffer<CategoryViewEntry> _categoryViews = new();
    // The aggregates and the searches are allocated with their first entry.
    private Dictionary<string, ProductStat>? _products;
    private Dictionary<string, CategoryStat>? _categories;
    private List<SearchEntry>? _searches;

    public bool IsEmpty => _productViews.Count == 0 && _categoryViews.Count == 0 && Searches.Length == 0 && TimeOnPageMillis == 0 && TimeOnPageSamples == 0;

    public TimedBuffer<ProductViewEntry> ProductViews => _productViews;

    public long TimeOnPageMillis { get; private set; }

    public int TimeOnPageSamples { get; private set; }

    public void AddProductView(ProductViewEntry entry)
    {
        entry = entry.WithSharedStrings();
        _productViews.Add(entry);
        if (entry.ProductKey is { } productKey)
        {
            ref var stat = ref CollectionsMarshal.GetValueRefOrAddDefault(_products ??= new(StringComparer.Ordinal), productKey, out var exists);
            if (!exists || entry.Key > stat.Latest.Key)
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
        var searches = _searches ??= [];
        if (searches.Count >= ProfileLimits.RecentItemsLimit && entry.Key <= searches[0].Key)
        {
            return;
        }

        var index = searches.BinarySearch(entry);
        searches.Insert(index < 0 ? ~index : index, entry);
        if (searches.Count > ProfileLimits.RecentItemsLimit)
        {
            searches.RemoveAt(0);
        }
    }

    public void AddTimeOnPage(long millis)
    {
        TimeOnPageMillis = TimeOnPageMillis > long.MaxValue - millis ? long.MaxValue : TimeOnPageMillis + millis;
        TimeOnPageSamples++;
    }

    public int ProductViewCount(string productKey) => _products is not null && _products.TryGetValue(productKey, out var stat) ? stat.Count : 0;

    /// <summary>The searches, oldest first.</summary>
    private ReadOnlySpan<SearchEntry> Searches => CollectionsMarshal.AsSpan(_searches);

    /// <summary>Drops the views at or before <paramref name="ticks"/> and their share of the aggregates.</summary>
    public void PruneThrough(long ticks)
    {
        while (_productViews.FirstIsAtOrBefore(ticks))
        {
            var entry = _productViews[0];
            if (entry.ProductKey is { } productKey && --CollectionsMarshal.GetValueRefOrNullRef(_products!, productKey).Count == 0)
            {
                _products!.Remove(productKey);
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

        foreach (var search in other.Searches)
        {
            AddSearch(search.Key, search.Query);
        }

        TimeOnPageMillis = TimeOnPageMillis > long.MaxValue - other.TimeOnPageMillis ? long.MaxValue : TimeOnPageMillis + other.TimeOnPageMillis;
        TimeOnPageSamples += other.TimeOnPageSamples;
    }

    private void CountCategory(string category, EventKey key)
    {
        ref var stat = ref CollectionsMarshal.GetValueRefOrAddDefault(_categories ??= new(StringComparer.Ordinal), category, out var exists);
        if (!exists || key > stat.LastKey)
        {
            stat.LastKey = key;
        }

        stat.Count++;
    }

    private void UncountCategory(string category)
    {
        if (--CollectionsMarshal.GetValueRefOrNullRef(_categories!, category).Count == 0)
        {
            _categories!.Remove(category);
        }
    }

    /// <summary>A product's retained views: how many, and the newest by key (values in the dictionary, not objects).</summary>
    private struct ProductStat
    {
        public int Count;

        public ProductViewEntry Latest;
    }

    /// <summary>A category's retained views: how many, and the newest key.</summary>
    private struct CategoryStat
    {
        public int Count;

        public EventKey LastKey;
    }

    private readonly record struct SearchEntry(EventKey Key, string Query) : IComparable<SearchEntry>
    {
        public int CompareTo(SearchEntry other) => Key.CompareTo(other.Key);
    }
}
