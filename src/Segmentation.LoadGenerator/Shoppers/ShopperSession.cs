namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>One customer's visit in progress: where they are in it and what is in their cart.</summary>
internal sealed class ShopperSession
{
    /// <summary>The most lines a cart holds; a shopper with a full cart only looks.</summary>
    public const int MaxCartLines = 8;

    public int Customer { get; set; } = -1;

    public SessionPhase Phase { get; set; } = SessionPhase.Ended;

    public long Number { get; set; }

    public List<CartLine> Cart { get; } = new(MaxCartLines);

    /// <summary>The product the shopper is looking at, which they may add to the cart.</summary>
    public Product? Current { get; set; }

    /// <summary>A product the shopper will view next (from a list, a search or an email link).</summary>
    public Product? NextView { get; set; }

    public long OrderNumber { get; set; }

    public int Campaign { get; set; }

    public long EmailNumber { get; set; }

    public void Start(int customer, long number)
    {
        Customer = customer;
        Number = number;
        Phase = SessionPhase.Start;
        Cart.Clear();
        Current = null;
        NextView = null;
        OrderNumber = 0;
    }

    public decimal CartValue()
    {
        decimal sum = 0;
        foreach (var line in Cart)
        {
            sum += line.Product.Price * line.Quantity;
        }

        return sum;
    }
}
