using Segmentation.Domain.Serialization;

namespace Segmentation.Domain.Profiles.State;

/// <summary>The cart as a fold of <see cref="CartOp"/>s in key order.</summary>
internal sealed class CartState
{
    private readonly List<ProductLine> _lines;

    public CartState()
        : this([], null, null)
    {
    }

    private CartState(List<ProductLine> lines, long? lastModifiedTicks, long? checkoutStartedTicks)
    {
        _lines = lines;
        LastModifiedTicks = lastModifiedTicks;
        CheckoutStartedTicks = checkoutStartedTicks;
    }

    public long? LastModifiedTicks { get; private set; }

    public long? CheckoutStartedTicks { get; private set; }

    public IReadOnlyList<ProductLine> Lines => _lines;

    public CartState Clone() => new([.. _lines], LastModifiedTicks, CheckoutStartedTicks);

    public void Apply(CartOp op)
    {
        switch (op.Kind)
        {
            case CartOpKind.Add when op.Lines is [var added]:
                var index = IndexOf(added.LineKey);
                if (index < 0)
                {
                    _lines.Add(added);
                }
                else
                {
                    var old = _lines[index];
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

                var line = _lines[at];
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
                _lines.Clear();
                CheckoutStartedTicks = null;
                LastModifiedTicks = op.Key.Ticks;
                break;
        }
    }

    public CartContents ToContents()
    {
        var summary = ToSummary();
        return new CartContents([.. _lines], summary.Value, summary.ItemCount, summary.LastModifiedAt, summary.CheckoutStartedAt);
    }

    public CartSummary ToSummary()
    {
        var count = 0L;
        foreach (var line in _lines)
        {
            count += line.Quantity;
        }

        return new CartSummary(
            _lines.Count == 0,
            ProductLines.Value(_lines),
            (int)Math.Min(count, int.MaxValue),
            Time.At(LastModifiedTicks),
            Time.At(CheckoutStartedTicks));
    }

    public void Write(SnapshotWriter writer)
    {
        ProductLines.Write(writer, _lines);
        writer.WriteOptionalLong(LastModifiedTicks);
        writer.WriteOptionalLong(CheckoutStartedTicks);
    }

    public static CartState Read(SnapshotReader reader) =>
        new(ProductLines.Read(reader), reader.ReadOptionalLong(), reader.ReadOptionalLong());

    private void ReplaceLines(IReadOnlyList<ProductLine> lines)
    {
        _lines.Clear();
        foreach (var line in lines)
        {
            var index = IndexOf(line.LineKey);
            if (index < 0)
            {
                _lines.Add(line);
            }
            else
            {
                _lines[index] = ProductLines.Overlay(_lines[index], line, SaturatingAdd(_lines[index].Quantity, line.Quantity));
            }
        }
    }

    private int IndexOf(string lineKey)
    {
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
