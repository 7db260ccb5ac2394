namespace Segmentation.LoadGenerator.Shoppers;

/// <content>Cart changes: adds, removals, and the cart lines of cart views, checkouts and orders.</content>
public sealed partial class ShopperModel
{
    private void AddToCart(ShopperSession s, ShopperEvent e)
    {
        Emit(s, e, ShopperEventKind.ProductAdded, fromBrowser: true);
        var product = s.Current ?? PopularProduct();
        var r = _random.NextDouble();
        var quantity = r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
        var line = 0;
        while (line < s.Cart.Count && s.Cart[line].Product != product)
        {
            line++;
        }

        if (line < s.Cart.Count)
        {
            s.Cart[line] = s.Cart[line] with { Quantity = s.Cart[line].Quantity + quantity };
        }
        else
        {
            s.Cart.Add(new CartLine(product, quantity));
        }

        e.Product = s.Current = product;
        e.Quantity = quantity;
        e.CartNumber = s.Number;
    }

    private void RemoveFromCart(ShopperSession s, ShopperEvent e)
    {
        Emit(s, e, ShopperEventKind.ProductRemoved, fromBrowser: true);
        var index = _random.Next(s.Cart.Count);
        var line = s.Cart[index];
        s.Cart.RemoveAt(index);
        e.Product = line.Product;
        e.Quantity = line.Quantity;
        e.CartNumber = s.Number;
    }

    private void FillCart(ShopperSession s, ShopperEvent e)
    {
        e.SetCart(s.Cart);
        e.CartNumber = s.Number;
        e.OrderNumber = s.OrderNumber;
        e.Revenue = s.CartValue();
    }
}
