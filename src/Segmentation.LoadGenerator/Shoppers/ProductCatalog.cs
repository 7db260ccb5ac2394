using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>
/// A fake shop's catalog: products in categories with brands and prices, the same for a given size whatever the
/// run's seed (so runs with different seeds talk about the same products). Product 0 is the most popular.
/// </summary>
public sealed class ProductCatalog
{
    /// <summary>The currency every price is in.</summary>
    public const string Currency = "USD";

    /// <summary>The shop's base URL: a reserved test domain.</summary>
    public const string ShopUrl = "https://shop.example.test";

    private const ulong CategorySalt = 0xCA7E;
    private const ulong NameSalt = 0x4A3E;
    private const ulong PriceSalt = 0x9121CE;

    private readonly Product[] _products;
    private readonly Product[][] _byCategory;
    private readonly Product[][] _topByCategory;

    /// <summary>A catalog of <paramref name="productCount"/> products.</summary>
    public ProductCatalog(int productCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(productCount, 1);
        var categories = CatalogWords.Categories;
        _products = new Product[productCount];
        var lists = new List<Product>[categories.Length];
        for (var c = 0; c < lists.Length; c++)
        {
            lists[c] = [];
        }

        for (var index = 0; index < productCount; index++)
        {
            var category = index < categories.Length ? index : (int)(ShopperRandom.Hash(index, CategorySalt) % (ulong)categories.Length);
            var product = Create(index, category);
            _products[index] = product;
            lists[category].Add(product);
        }

        _byCategory = [.. lists.Select(list => list.ToArray())];
        _topByCategory = [.. lists.Select(list => list.Take(ListLength).ToArray())];
        CategoryNames = [.. categories.Select(c => c.Name)];
    }

    /// <summary>Products by popularity rank.</summary>
    public IReadOnlyList<Product> Products => _products;

    /// <summary>The category names, in category index order.</summary>
    public IReadOnlyList<string> CategoryNames { get; }

    /// <summary>The most products a product list shows.</summary>
    public const int ListLength = 6;

    /// <summary>The first <see cref="ListLength"/> products of category <paramref name="category"/>: what its product list shows.</summary>
    public IReadOnlyList<Product> TopOfCategory(int category) => _topByCategory[category];

    /// <summary>The products of category <paramref name="category"/>, most popular first (possibly none).</summary>
    public IReadOnlyList<Product> InCategory(int category) => _byCategory[category];

    private static Product Create(int index, int category)
    {
        var (categoryName, item, basePrice) = CatalogWords.Categories[category];
        var hash = ShopperRandom.Hash(index, NameSalt);
        var adjective = CatalogWords.Adjectives[(int)(hash % (ulong)CatalogWords.Adjectives.Length)];
        var color = CatalogWords.Colors[(int)(hash / 31 % (ulong)CatalogWords.Colors.Length)];
        var brand = CatalogWords.Brands[(int)(hash / 997 % (ulong)CatalogWords.Brands.Length)];
        var factor = 0.5 + (2.5 * ShopperRandom.HashToUnit(index, PriceSalt));
        var price = Math.Max(1m, Math.Floor(basePrice * (decimal)factor)) - 0.01m;
        var id = string.Create(CultureInfo.InvariantCulture, $"P{index + 1:D6}");
        var sku = string.Create(CultureInfo.InvariantCulture, $"SKU-{category:D2}-{index + 1:D6}");
        var url = $"{ShopUrl}/products/{id}";
        return new Product(index, id, sku, $"{adjective} {color} {item}", brand, categoryName, category, price, url, ViewedJson(id, sku, categoryName, $"{adjective} {color} {item}", brand, price, url));
    }

    private static byte[] ViewedJson(string id, string sku, string category, string name, string brand, decimal price, string url)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("product_id", id);
            writer.WriteString("sku", sku);
            writer.WriteString("category", category);
            writer.WriteString("name", name);
            writer.WriteString("brand", brand);
            writer.WriteNumber("price", price);
            writer.WriteString("currency", Currency);
            writer.WriteString("url", url);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
