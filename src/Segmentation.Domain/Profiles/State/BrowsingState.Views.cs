using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>Read views and the snapshot encoding of <see cref="BrowsingState"/>.</summary>
internal sealed partial class BrowsingState
{
    public IReadOnlyList<ViewedProduct> RecentProducts(int limit) => (_products ?? [])
        .OrderByDescending(pair => pair.Value.Latest.Key)
        .Take(limit)
        .Select(pair => new ViewedProduct(
            pair.Key,
            pair.Value.Latest.Name,
            pair.Value.Latest.Category,
            pair.Value.Latest.Price,
            pair.Value.Latest.ImageUrl,
            pair.Value.Latest.Url,
            pair.Value.Count,
            Time.At(pair.Value.Latest.Ticks)))
        .ToList();

    public IReadOnlyList<ViewedCategory> RecentCategories(int limit) => (_categories ?? [])
        .OrderByDescending(pair => pair.Value.LastKey)
        .Take(limit)
        .Select(pair => new ViewedCategory(pair.Key, pair.Value.Count, Time.At(pair.Value.LastKey.Ticks)))
        .ToList();

    public IReadOnlyList<SearchRecord> RecentSearches() =>
        (_searches ?? []).AsEnumerable().Reverse().Select(s => new SearchRecord(s.Query, Time.At(s.Key.Ticks))).ToList();

    public void Write(SnapshotWriter writer)
    {
        writer.WriteInt(_productViews.Count);
        foreach (var entry in _productViews.Items())
        {
            writer.WriteLong(entry.Ticks);
            writer.WriteString(entry.MessageId);
            writer.WriteOptionalString(entry.ProductKey);
            writer.WriteOptionalString(entry.Name);
            writer.WriteOptionalString(entry.Category);
            writer.WriteOptionalDecimal(entry.Price);
            writer.WriteOptionalString(entry.ImageUrl);
            writer.WriteOptionalString(entry.Url);
        }

        writer.WriteInt(_categoryViews.Count);
        foreach (var entry in _categoryViews.Items())
        {
            writer.WriteLong(entry.Ticks);
            writer.WriteString(entry.MessageId);
            writer.WriteString(entry.Category);
        }

        writer.WriteInt(Searches.Length);
        foreach (var search in Searches)
        {
            writer.WriteKey(search.Key);
            writer.WriteString(search.Query);
        }

        writer.WriteLong(TimeOnPageMillis);
        writer.WriteInt(TimeOnPageSamples);
    }

    public static BrowsingState Read(SnapshotReader reader)
    {
        var state = new BrowsingState();
        var views = reader.ReadCount();
        for (var i = 0; i < views; i++)
        {
            state.AddProductView(new ProductViewEntry(
                reader.ReadLong(),
                reader.ReadMessageId(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalDecimal(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalSharedString()));
        }

        var categoryViews = reader.ReadCount();
        for (var i = 0; i < categoryViews; i++)
        {
            state.AddCategoryView(new CategoryViewEntry(reader.ReadLong(), reader.ReadMessageId(), reader.ReadSharedString()));
        }

        var searches = reader.ReadCount();
        for (var i = 0; i < searches; i++)
        {
            state.AddSearch(reader.ReadKey(), reader.ReadString());
        }

        state.TimeOnPageMillis = reader.ReadLong();
        state.TimeOnPageSamples = reader.ReadInt();
        return state;
    }
}
