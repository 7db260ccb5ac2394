using System.Text.Json.Nodes;
using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>Reads and writes <see cref="ProductLine"/>s.</summary>
internal static class ProductLines
{
    public static readonly IReadOnlyList<ProductLine> Empty = [];

    /// <summary>The product of an event's properties or of a <c>products[]</c> element; null without product_id, sku or name.</summary>
    public static ProductLine? Parse(JsonObject? source, int? quantityOverride = null)
    {
        var productId = JsonFields.GetString(source, "product_id", "productId", "id");
        var sku = JsonFields.GetString(source, "sku");
        var name = JsonFields.GetString(source, "name");
        var key = productId ?? sku ?? name;
        if (key is null)
        {
            return null;
        }

        var quantity = quantityOverride ?? JsonFields.GetInt(source, "quantity") ?? 1;
        return new ProductLine(
            key,
            productId,
            sku,
            name,
            JsonFields.GetString(source, "category"),
            JsonFields.GetString(source, "brand"),
            JsonFields.GetDecimal(source, "price"),
            Math.Max(quantity, 1),
            JsonFields.GetString(source, "image_url", "imageUrl"),
            JsonFields.GetString(source, "url"));
    }

    /// <summary>The elements of <c>products[]</c> that name a product, in array order; null when the array is absent.</summary>
    public static IReadOnlyList<ProductLine>? ParseArray(JsonObject? properties)
    {
        if (JsonFields.GetArray(properties, "products") is not { } array)
        {
            return null;
        }

        var lines = new List<ProductLine>(array.Count);
        foreach (var element in array)
        {
            if (Parse(element as JsonObject) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>The sum of price times quantity.</summary>
    public static decimal Value(IReadOnlyList<ProductLine> lines)
    {
        var total = 0m;
        for (var i = 0; i < lines.Count; i++)
        {
            total = Money.Add(total, lines[i].LineValue);
        }

        return Money.Normalize(total);
    }

    /// <summary>A line with <paramref name="update"/>'s fields where it has them, else the old ones.</summary>
    public static ProductLine Overlay(ProductLine old, ProductLine update, int quantity) => new(
        old.LineKey,
        update.ProductId ?? old.ProductId,
        update.Sku ?? old.Sku,
        update.Name ?? old.Name,
        update.Category ?? old.Category,
        update.Brand ?? old.Brand,
        update.Price ?? old.Price,
        quantity,
        update.ImageUrl ?? old.ImageUrl,
        update.Url ?? old.Url);

    public static void Write(SnapshotWriter writer, IReadOnlyList<ProductLine> lines)
    {
        writer.WriteInt(lines.Count);
        foreach (var line in lines)
        {
            writer.WriteString(line.LineKey);
            writer.WriteOptionalString(line.ProductId);
            writer.WriteOptionalString(line.Sku);
            writer.WriteOptionalString(line.Name);
            writer.WriteOptionalString(line.Category);
            writer.WriteOptionalString(line.Brand);
            writer.WriteOptionalDecimal(line.Price);
            writer.WriteInt(line.Quantity);
            writer.WriteOptionalString(line.ImageUrl);
            writer.WriteOptionalString(line.Url);
        }
    }

    public static List<ProductLine> Read(SnapshotReader reader)
    {
        var count = reader.ReadCount();
        var lines = new List<ProductLine>(count);
        for (var i = 0; i < count; i++)
        {
            lines.Add(new ProductLine(
                reader.ReadString(),
                reader.ReadOptionalString(),
                reader.ReadOptionalString(),
                reader.ReadOptionalString(),
                reader.ReadOptionalString(),
                reader.ReadOptionalString(),
                reader.ReadOptionalDecimal(),
                reader.ReadInt(),
                reader.ReadOptionalString(),
                reader.ReadOptionalString()));
        }

        return lines;
    }
}
