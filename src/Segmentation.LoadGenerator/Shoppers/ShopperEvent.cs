namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>
/// One call a shopper makes, as filled in by <see cref="ShopperModel.Next"/>. The model reuses one instance for
/// every event, so read it before asking for the next; the lists it refers to change with the session.
/// </summary>
public sealed class ShopperEvent
{
    /// <summary>Which call.</summary>
    public ShopperEventKind Kind { get; internal set; }

    /// <summary>The customer number (0-based) in the population.</summary>
    public int Customer { get; internal set; }

    /// <summary>Whether the call carries the customer's <c>userId</c> (they are identified).</summary>
    public bool HasUserId { get; internal set; }

    /// <summary>Whether the call carries the browser's <c>anonymousId</c> (calls from the shop's frontend do).</summary>
    public bool HasAnonymousId { get; internal set; }

    /// <summary>The product viewed, added, removed or clicked; null for other calls.</summary>
    public Product? Product { get; internal set; }

    /// <summary>The quantity added or removed.</summary>
    public int Quantity { get; internal set; }

    /// <summary>The category of a Product List Viewed or of a category landing page; -1 for the home page.</summary>
    public int Category { get; internal set; } = -1;

    /// <summary>The products of a Product List Viewed.</summary>
    public IReadOnlyList<Product> ListProducts { get; internal set; } = [];

    /// <summary>The search terms of a Products Searched.</summary>
    public string? Query { get; internal set; }

    private readonly List<CartLine> _cart = new(ShopperSession.MaxCartLines);

    /// <summary>The cart lines of a Cart Viewed, Checkout Started or Order Completed.</summary>
    public IReadOnlyList<CartLine> Cart => _cart;

    /// <summary>The session's cart number (cart ids are made from it).</summary>
    public long CartNumber { get; internal set; }

    /// <summary>The order number of a Checkout Started or Order Completed (order ids are made from it).</summary>
    public long OrderNumber { get; internal set; }

    /// <summary>Sum of price times quantity over <see cref="Cart"/>, for checkouts and orders.</summary>
    public decimal Revenue { get; internal set; }

    /// <summary>Shipping of an order: free from 50, else 4.99.</summary>
    public decimal Shipping => Revenue >= 50m || Revenue == 0 ? 0m : 4.99m;

    /// <summary>Tax of an order: 8 % of <see cref="Revenue"/>, rounded to cents.</summary>
    public decimal Tax => Math.Round(Revenue * 0.08m, 2, MidpointRounding.AwayFromZero);

    /// <summary>What the customer pays: revenue, shipping and tax.</summary>
    public decimal Total => Revenue + Shipping + Tax;

    /// <summary>The email campaign of an Email Opened or Email Link Clicked.</summary>
    public int Campaign { get; internal set; }

    /// <summary>The email's number (email ids are made from it).</summary>
    public long EmailNumber { get; internal set; }

    internal void SetCart(List<CartLine> lines)
    {
        _cart.Clear();
        _cart.AddRange(lines);
    }

    internal void Reset(ShopperEventKind kind, int customer, bool hasUserId, bool hasAnonymousId)
    {
        Kind = kind;
        Customer = customer;
        HasUserId = hasUserId;
        HasAnonymousId = hasAnonymousId;
        Product = null;
        Quantity = 0;
        Category = -1;
        ListProducts = [];
        Query = null;
        _cart.Clear();
        CartNumber = 0;
        OrderNumber = 0;
        Revenue = 0;
        Campaign = 0;
        EmailNumber = 0;
    }
}
