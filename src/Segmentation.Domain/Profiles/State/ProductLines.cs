using System.Text.Json;
using Segmentation.Domain.Serialization;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>Reads and writes <see cref="ProductLine"/>s.</summary>
internal static class ProductLines
{
    public static readonly IReadOnlyList<ProductLine> Empty = [];

    /// <summary>The product of an event's properties or of a <c>products[]</c> element; null without product_id, sku or name.</summary>
    public static ProductLine? Parse(Utf8JsonMembers source, int? quantityOverride = null)
    {
        var productId = source.GetSharedString("product_id"u8, "productId"u8, "id"u8);
        var sku = source.GetSharedString("sku"u8);
        var name = source.GetSharedString("name"u8);
        var key = productId ?? sku ?? name;
        if (key is null)
        {
            return null;
        }

        var quantity = quantityOverride ?? source.GetInt("quantity"u8) ?? 1;
        return new ProductLine(
            key,
            productId,
            sku,
            name,
            source.GetSharedString("category"u8),
            source.GetSharedString("brand"u8),
            source.GetDecimal("price"u8),
            Math.Max(quantity, 1),
            source.GetSharedString("image_url"u8, "imageUrl"u8),
            source.GetSharedString("url"u8));
    }

    /// <summary>The elements of <c>products[]</c> that name a product, in array order; null when the array is absent.</summary>
    public static IReadOnlyList<ProductLine>? ParseArray(Utf8JsonMembers properties)
    {
        var array = properties.Get("products"u8);
        if (array.Kind != JsonValueKind.Array)
        {
            return null;
        }

        var lines = new List<ProductLine>();
        Span<Utf8JsonMemberSlot> slots = stackalloc Utf8JsonMemberSlot[Utf8JsonMembers.StackSlots];
        foreach (var element in array.EnumerateArray())
        {
            if (Parse(element.ReadObject(slots)) is { } line)
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
                reader.ReadSharedString(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalDecimal(),
                reader.ReadInt(),
                reader.ReadOptionalSharedString(),
                reader.ReadOptionalSharedString()));
        }

        return lines;
    }
}
