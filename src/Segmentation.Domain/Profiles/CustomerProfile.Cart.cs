using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>The cart: Product Added / Product Removed / Cart Viewed / Checkout Started, emptied by Order Completed.</summary>
public sealed partial class CustomerProfile
{
    private static readonly TimedBuffer<TickEntry> NoCartAdds = new();
    private CartLedger? _cart;
    private TimedBuffer<TickEntry>? _cartAdds;

    private CartLedger Ledger => _cart ?? CartLedger.Empty;

    private TimedBuffer<TickEntry> CartAdds => _cartAdds ?? NoCartAdds;

    /// <summary>The current cart (after every applied event, in event order).</summary>
    public CartContents Cart => Ledger.Current.ToContents();

    /// <summary>The current cart's figures, without copying its lines.</summary>
    public CartSummary CartSummary => Ledger.Current.ToSummary();

    private bool ApplyCartEvent(ProfileEvent evt)
    {
        var properties = evt.Properties;
        CartOp? op = evt.Known switch
        {
            KnownEvent.ProductAdded => ProductLines.Parse(properties) is { } added
                ? new CartOp(evt.Key, CartOpKind.Add, [added], null)
                : null,
            KnownEvent.ProductRemoved => ProductLines.Parse(properties, quantityOverride: 1) is { } removed
                ? new CartOp(evt.Key, CartOpKind.Remove, [removed], properties.GetInt("quantity"u8))
                : null,
            KnownEvent.CartViewed => new CartOp(evt.Key, CartOpKind.Replace, ProductLines.ParseArray(properties), null),
            KnownEvent.CheckoutStarted => new CartOp(evt.Key, CartOpKind.CheckoutStarted, ProductLines.ParseArray(properties), null),
            KnownEvent.OrderCompleted => new CartOp(evt.Key, CartOpKind.Clear, null, null),
            _ => null,
        };

        if (evt.Known == KnownEvent.ProductAdded)
        {
            (_cartAdds ??= new()).Add(new TickEntry(evt.Ticks));
        }

        return op is null || (_cart ??= new()).Apply(op);
    }
}
