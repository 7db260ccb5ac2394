using System.Text.Json;

namespace Segmentation.LoadGenerator.Shoppers;

/// <summary>The Segment call type and track event name of each <see cref="ShopperEventKind"/>.</summary>
public static class ShopperEventNames
{
    private static readonly string[] Names =
    [
        "identify", "page", "Products Searched", "Product List Viewed", "Product Viewed", "Product Added", "Product Removed",
        "Cart Viewed", "Checkout Started", "Order Completed", "Email Opened", "Email Link Clicked",
    ];

    private static readonly JsonEncodedText[] Encoded = [.. Names.Select(name => JsonEncodedText.Encode(name))];

    /// <summary>Every kind, in enum order.</summary>
    public static IReadOnlyList<ShopperEventKind> All { get; } = Enum.GetValues<ShopperEventKind>();

    /// <summary>The track event name (<c>Order Completed</c>), or the call type for identify and page.</summary>
    public static string NameOf(ShopperEventKind kind) => Names[(int)kind];

    /// <summary>The Segment call type: <c>identify</c>, <c>page</c> or <c>track</c>.</summary>
    public static string TypeOf(ShopperEventKind kind) => kind switch
    {
        ShopperEventKind.Identify => "identify",
        ShopperEventKind.Page => "page",
        _ => "track",
    };

    internal static JsonEncodedText EncodedNameOf(ShopperEventKind kind) => Encoded[(int)kind];
}
