using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>The order fields an Order Completed or Order Updated carries; null fields are left as they were.</summary>
internal sealed record OrderPatch(EventKey Key, decimal? Amount, string? Currency, IReadOnlyList<ProductLine>? Items)
{
    public void Write(SnapshotWriter writer)
    {
        writer.WriteKey(Key);
        writer.WriteOptionalDecimal(Amount);
        writer.WriteOptionalString(Currency);
        writer.WriteBool(Items is not null);
        if (Items is not null)
        {
            ProductLines.Write(writer, Items);
        }
    }

    public static OrderPatch Read(SnapshotReader reader) => new(
        reader.ReadKey(),
        reader.ReadOptionalDecimal(),
        reader.ReadOptionalSharedString(),
        reader.ReadBool() ? ProductLines.Read(reader) : null);
}
