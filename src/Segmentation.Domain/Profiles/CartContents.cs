namespace Segmentation.Domain.Profiles;

/// <summary>The current cart.</summary>
/// <remarks>
/// <para><c>Lines</c>: The lines in the order they were first added.</para>
/// <para><c>Value</c>: The sum of price times quantity.</para>
/// <para><c>ItemCount</c>: The sum of quantities.</para>
/// <para><c>LastModifiedAt</c>: The time of the last event that changed or showed the cart (add, remove, cart view, checkout, order).</para>
/// <para><c>CheckoutStartedAt</c>: When checkout was last started since the cart was last emptied by an order.</para>
/// </remarks>
public sealed record CartContents(
    IReadOnlyList<ProductLine> Lines,
    decimal Value,
    int ItemCount,
    DateTimeOffset? LastModifiedAt,
    DateTimeOffset? CheckoutStartedAt)
{
    public bool IsEmpty => Lines.Count == 0;
}
