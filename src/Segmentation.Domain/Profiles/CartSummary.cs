namespace Segmentation.Domain.Profiles;

/// <summary>The current cart's figures without its lines (what <see cref="CartContents"/> holds besides them), copied from nothing.</summary>
/// <remarks>
/// <para><c>Value</c>: The sum of price times quantity.</para>
/// <para><c>ItemCount</c>: The sum of quantities.</para>
/// <para><c>LastModifiedAt</c>: The time of the last event that changed or showed the cart (add, remove, cart view, checkout, order).</para>
/// <para><c>CheckoutStartedAt</c>: When checkout was last started since the cart was last emptied by an order.</para>
/// </remarks>
public readonly record struct CartSummary(
    bool IsEmpty,
    decimal Value,
    int ItemCount,
    DateTimeOffset? LastModifiedAt,
    DateTimeOffset? CheckoutStartedAt);
