using System.Text.Json;

namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>
/// One product of the <see cref="ProductCatalog"/>, with its fields pre-encoded for JSON and its Product Viewed
/// properties serialized once.
/// </summary>
public sealed class Product
{
    internal Product(int index, string id, string sku, string name, string brand, string category, int categoryIndex, decimal price, string url, byte[] viewedProperties)
    {
        Index = index;
        Id = id;
        Sku = sku;
        Name = name;
        Brand = brand;
        Category = category;
        CategoryIndex = categoryIndex;
        Price = price;
        Url = url;
        EncodedId = JsonEncodedText.Encode(id);
        EncodedSku = JsonEncodedText.Encode(sku);
        EncodedName = JsonEncodedText.Encode(name);
        EncodedBrand = JsonEncodedText.Encode(brand);
        EncodedCategory = JsonEncodedText.Encode(category);
        EncodedUrl = JsonEncodedText.Encode(url);
        ViewedPropertiesJson = viewedProperties;
    }

    /// <summary>The popularity rank: 0 is the most viewed product.</summary>
    public int Index { get; }

    /// <summary>The <c>product_id</c>, e.g. <c>P000001</c>.</summary>
    public string Id { get; }

    public string Sku { get; }

    public string Name { get; }

    public string Brand { get; }

    public string Category { get; }

    /// <summary>The position of <see cref="Category"/> in <see cref="ProductCatalog.CategoryNames"/>.</summary>
    public int CategoryIndex { get; }

    /// <summary>The unit price in the catalog's currency.</summary>
    public decimal Price { get; }

    public string Url { get; }

    internal JsonEncodedText EncodedId { get; }

    internal JsonEncodedText EncodedSku { get; }

    internal JsonEncodedText EncodedName { get; }

    internal JsonEncodedText EncodedBrand { get; }

    internal JsonEncodedText EncodedCategory { get; }

    internal JsonEncodedText EncodedUrl { get; }

    /// <summary>The <c>properties</c> object of a Product Viewed event for this product, as UTF-8 JSON.</summary>
    internal byte[] ViewedPropertiesJson { get; }
}
