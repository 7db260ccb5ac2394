namespace Segmentation.Domain.Profiles;

/// <summary>One order as it stands after its updates, refunds and cancellation.</summary>
/// <remarks>
/// <para><c>GrossAmount</c>: <c>revenue</c>, else <c>total</c>, else the sum of price times quantity (after Order Updated).</para>
/// <para><c>RefundedAmount</c>: The refunds, capped at the gross amount.</para>
/// <para><c>NetAmount</c>: Gross minus refunds; zero when cancelled.</para>
/// </remarks>
public sealed record OrderSummary(
    string OrderId,
    DateTimeOffset PlacedAt,
    string? Currency,
    decimal GrossAmount,
    decimal RefundedAmount,
    decimal NetAmount,
    bool IsCancelled,
    DateTimeOffset? CancelledAt,
    IReadOnlyList<ProductLine> Items);
