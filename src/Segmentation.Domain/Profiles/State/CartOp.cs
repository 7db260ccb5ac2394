using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>One journaled cart event, parsed (the journal never keeps raw JSON).</summary>
/// <remarks>
/// <para><c>Lines</c>: The product (Add/Remove) or the replacing lines (Replace, CheckoutStarted with products); null otherwise.</para>
/// <para><c>Quantity</c>: The quantity to remove (Remove); null removes the whole line.</para>
/// </remarks>
internal sealed record CartOp(EventKey Key, CartOpKind Kind, IReadOnlyList<ProductLine>? Lines, int? Quantity)
{
    public void Write(SnapshotWriter writer)
    {
        writer.WriteKey(Key);
        writer.WriteByte((byte)Kind);
        writer.WriteBool(Lines is not null);
        if (Lines is not null)
        {
            ProductLines.Write(writer, Lines);
        }

        writer.WriteOptionalInt(Quantity);
    }

    public static CartOp Read(SnapshotReader reader)
    {
        var key = reader.ReadKey();
        var kind = (CartOpKind)reader.ReadByte();
        if (kind is < CartOpKind.Add or > CartOpKind.Clear)
        {
            throw new FormatException("The snapshot holds an unknown cart operation.");
        }

        IReadOnlyList<ProductLine>? lines = reader.ReadBool() ? ProductLines.Read(reader) : null;
        return new CartOp(key, kind, lines, reader.ReadOptionalInt());
    }
}
