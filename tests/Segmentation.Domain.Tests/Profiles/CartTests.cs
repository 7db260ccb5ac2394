using Segmentation.Domain.Profiles;
using static Segmentation.Domain.Tests.Support.Messages;

namespace Segmentation.Domain.Tests.Profiles;

public class CartTests
{
    private const string Shoe = """{"product_id":"p1","sku":"S-1","name":"Shoe","price":19.99,"quantity":2,"image_url":"https://img/p1.png","category":"shoes"}""";

    [Fact]
    public void Apply_ProductAdded_AddsLineWithProductFieldsAndValue()
    {
        // Arrange
        var profile = new CustomerProfile();

        // Act
        profile.Apply(Track("Product Added", T0, Shoe));

        // Assert
        var cart = profile.Cart;
        Assert.Equal(new ProductLine("p1", "p1", "S-1", "Shoe", "shoes", null, 19.99m, 2, "https://img/p1.png", null), Assert.Single(cart.Lines));
        Assert.Equal(39.98m, cart.Value);
        Assert.Equal(2, cart.ItemCount);
        Assert.Equal(T0, cart.LastModifiedAt);
    }

    [Fact]
    public void Apply_SameProductAddedTwice_SumsQuantityAndTakesNewPrice()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, Shoe));

        // Act
        profile.Apply(Track("Product Added", T0.AddMinutes(1), """{"product_id":"p1","price":15}"""));

        // Assert
        var line = Assert.Single(profile.Cart.Lines);
        Assert.Equal(3, line.Quantity);
        Assert.Equal(15m, line.Price);
        Assert.Equal("Shoe", line.Name);
        Assert.Equal(45m, profile.Cart.Value);
    }

    [Fact]
    public void Apply_ProductRemovedWithQuantity_DecrementsThenRemovesLine()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, Shoe));

        // Act
        profile.Apply(Track("Product Removed", T0.AddMinutes(1), """{"product_id":"p1","quantity":1}"""));
        var afterOne = profile.Cart;
        profile.Apply(Track("Product Removed", T0.AddMinutes(2), """{"product_id":"p1"}"""));

        // Assert
        Assert.Equal(1, Assert.Single(afterOne.Lines).Quantity);
        Assert.True(profile.Cart.IsEmpty);
        Assert.Equal(T0.AddMinutes(2), profile.Cart.LastModifiedAt);
    }

    [Fact]
    public void Apply_CartViewedWithProducts_ReplacesLines()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, Shoe));

        // Act
        profile.Apply(Track("Cart Viewed", T0.AddMinutes(1), """{"products":[{"product_id":"p2","price":5,"quantity":3},{"sku":"S-9","price":1}]}"""));

        // Assert
        Assert.Equal(["p2", "S-9"], profile.Cart.Lines.Select(l => l.LineKey));
        Assert.Equal(16m, profile.Cart.Value);
    }

    [Fact]
    public void Apply_CartViewedWithoutProducts_KeepsLinesAndTouchesCart()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, Shoe));

        // Act
        profile.Apply(Track("Cart Viewed", T0.AddMinutes(3), "{}"));

        // Assert
        Assert.Single(profile.Cart.Lines);
        Assert.Equal(T0.AddMinutes(3), profile.Cart.LastModifiedAt);
    }

    [Fact]
    public void Apply_CheckoutStartedThenOrderCompleted_MarksCheckoutThenEmptiesCart()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, Shoe));

        // Act
        profile.Apply(Track("Checkout Started", T0.AddMinutes(1), "{}"));
        var atCheckout = profile.Cart;
        profile.Apply(Track("Order Completed", T0.AddMinutes(5), """{"order_id":"o1","total":39.98}"""));

        // Assert
        Assert.Equal(T0.AddMinutes(1), atCheckout.CheckoutStartedAt);
        Assert.Single(atCheckout.Lines);
        Assert.Equal(new CartContents([], 0m, 0, T0.AddMinutes(5), null), profile.Cart, CartEquality);
    }

    [Fact]
    public void Apply_AddArrivingAfterLaterOrderCompleted_DoesNotRefillCart()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Order Completed", T0.AddMinutes(5), """{"order_id":"o1","total":10}"""));

        // Act
        profile.Apply(Track("Product Added", T0, Shoe));

        // Assert
        Assert.True(profile.Cart.IsEmpty);
        Assert.Equal(1, profile.GetWindowTotals(RollingWindow.OneDay, T0.AddMinutes(5)).CartAdds);
    }

    [Fact]
    public void Apply_LateOrderCompletedBetweenAdds_KeepsOnlyLaterAdds()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, Shoe));
        profile.Apply(Track("Product Added", T0.AddMinutes(10), """{"product_id":"p2","price":3}"""));

        // Act
        profile.Apply(Track("Order Completed", T0.AddMinutes(5), """{"order_id":"o1","total":39.98}"""));

        // Assert
        Assert.Equal("p2", Assert.Single(profile.Cart.Lines).LineKey);
        Assert.Equal(T0.AddMinutes(10), profile.Cart.LastModifiedAt);
    }

    [Fact]
    public void Apply_LateRemoveBeforeAdd_IsNoOpAsInTimestampOrder()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0.AddMinutes(1), Shoe));

        // Act
        profile.Apply(Track("Product Removed", T0, """{"product_id":"p1"}"""));

        // Assert
        Assert.Equal(2, Assert.Single(profile.Cart.Lines).Quantity);
        Assert.Equal(T0.AddMinutes(1), profile.Cart.LastModifiedAt);
    }

    private static readonly IEqualityComparer<CartContents> CartEquality = EqualityComparer<CartContents>.Create(
        (x, y) => x is not null && y is not null && x.Lines.SequenceEqual(y.Lines) && x.Value == y.Value
            && x.ItemCount == y.ItemCount && x.LastModifiedAt == y.LastModifiedAt && x.CheckoutStartedAt == y.CheckoutStartedAt,
        c => c.ItemCount);

    [Fact]
    public void CartSummary_FilledCart_HasTheCartFiguresWithoutTheLines()
    {
        // Arrange
        var profile = new CustomerProfile();
        profile.Apply(Track("Product Added", T0, Shoe));
        profile.Apply(Track("Checkout Started", T0.AddMinutes(1), "{}"));

        // Act
        var summary = profile.CartSummary;

        // Assert
        var cart = profile.Cart;
        Assert.Equal(new CartSummary(false, cart.Value, cart.ItemCount, cart.LastModifiedAt, cart.CheckoutStartedAt), summary);
        Assert.Equal(new CartSummary(true, 0m, 0, null, null), new CustomerProfile().CartSummary);
    }
}
