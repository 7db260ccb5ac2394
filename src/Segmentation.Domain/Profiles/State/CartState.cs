using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>The cart as a fold of <see cref="CartOp"/>s in key order.</summary>
internal sealed class CartState
{
    /// <summary>Allocated with the first line (room for one, a typical cart); null while the cart has none.</summary>
    private List<ProductLine>? _lines;

    public CartState()
        : this(null, null, null)
    {
    }

    private CartState(List<ProductLine>? lines, long? lastModifiedTicks, long? checkoutStartedTicks)
    {
        _lines = lines;
        LastModifiedTicks = lastModifiedTicks;
        CheckoutStartedTicks = checkoutStartedTicks;
    }

    public long? LastModifiedTicks { get; private set; }

    public long? CheckoutStartedTicks { get; private set; }

    /// <summary>A cart that never had a line or a change: the state of a profile without cart events, for reads.</summary>
    public static CartState Empty { get; } = new();

    public IReadOnlyList<ProductLine> Lines => (IReadOnlyList<ProductLine>?)_lines ?? ProductLines.Empty;

    public bool IsEmpty => Lines.Count == 0 && LastModifiedTicks is null && CheckoutStartedTicks is null;

    public CartState Clone() => new(_lines is { Count: > 0 } lines ? [.. lines] : null, LastModifiedTicks, CheckoutStartedTicks);

    public void Apply(CartOp op)
    {
        switch (op.Kind)
        {
            case CartOpKind.Add when op.Lines is [var added]:
                var index = IndexOf(added.LineKey);
                if (index < 0)
                {
                    (_lines ??= new(1)).Add(added);
                }
                else
                {
                    var old = _lines![index];
                    _lines[index] = ProductLines.Overlay(old, added, SaturatingAdd(old.Quantity, added.Quantity));
                }

                LastModifiedTicks = op.Key.Ticks;
                break;
            case CartOpKind.Remove when op.Lines is [var removed]:
                var at = IndexOf(removed.LineKey);
                if (at < 0)
                {
                    return;
                }

                var line = _lines![at];
                if (op.Quantity is { } quantity && quantity > 0 && quantity < line.Quantity)
                {
                    _lines[at] = line with { Quantity = line.Quantity - quantity };
                }
                else
                {
                    _lines.RemoveAt(at);
                }

                LastModifiedTicks = op.Key.Ticks;
                break;
            case CartOpKind.Replace or CartOpKind.CheckoutStarted:
                if (op.Lines is not null)
                {
                    ReplaceLines(op.Lines);
                }

                if (op.Kind == CartOpKind.CheckoutStarted)
                {
                    CheckoutStartedTicks = op.Key.Ticks;
                }

                LastModifiedTicks = op.Key.Ticks;
                break;
            case CartOpKind.Clear:
                _lines?.Clear();
                CheckoutStartedTicks = null;
                LastModifiedTicks = op.Key.Ticks;
                break;
        }
    }

    public CartContents ToContents()
    {
        var summary = ToSummary();
        return new CartContents([.. Lines], summary.Value, summary.ItemCount, summary.LastModifiedAt, summary.CheckoutStartedAt);
    }

    public CartSummary ToSummary()
    {
        var count = 0L;
        var lines = Lines;
        foreach (var line in lines)
        {
            count += line.Quantity;
        }

        return new CartSummary(
            lines.Count == 0,
            ProductLines.Value(lines),
            (int)Math.Min(count, int.MaxValue),
            Time.At(LastModifiedTicks),
            Time.At(CheckoutStartedTicks));
    }

    public void Write(SnapshotWriter writer)
    {
        ProductLines.Write(writer, Lines);
        writer.WriteOptionalLong(LastModifiedTicks);
        writer.WriteOptionalLong(CheckoutStartedTicks);
    }

    public static CartState Read(SnapshotReader reader) =>
        new(ProductLines.Read(reader) is { Count: > 0 } lines ? lines : null, reader.ReadOptionalLong(), reader.ReadOptionalLong());

    private void ReplaceLines(IReadOnlyList<ProductLine> lines)
    {
        _lines?.Clear();
        foreach (var line in lines)
        {
            var index = IndexOf(line.LineKey);
            if (index < 0)
            {
                (_lines ??= new(lines.Count)).Add(line);
            }
            else
            {
                _lines![index] = ProductLines.Overlay(_lines[index], line, SaturatingAdd(_lines[index].Quantity, line.Quantity));
            }
        }
    }

    private int IndexOf(string lineKey)
    {
        if (_lines is null)
        {
            return -1;
        }

        for (var i = 0; i < _lines.Count; i++)
        {
            if (string.Equals(_lines[i].LineKey, lineKey, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int SaturatingAdd(int left, int right) => (int)Math.Min((long)left + right, int.MaxValue);
}
