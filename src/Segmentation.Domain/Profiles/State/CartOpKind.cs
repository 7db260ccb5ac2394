namespace Segmentation.Domain.Profiles.State;

/// <summary>The cart-changing events, as the cart fold sees them.</summary>
internal enum CartOpKind : byte
{
    /// <summary>Product Added: adds the quantity to the line (creating it).</summary>
    Add = 1,

    /// <summary>Product Removed: removes the quantity (the whole line without one).</summary>
    Remove = 2,

    /// <summary>Cart Viewed with <c>products[]</c>: the client's view of the cart replaces the lines.</summary>
    Replace = 3,

    /// <summary>Checkout Started: marks checkout; replaces the lines when it carries <c>products[]</c>.</summary>
    CheckoutStarted = 4,

    /// <summary>Order Completed: empties the cart. Nothing before it matters to the cart afterwards.</summary>
    Clear = 5,
}
