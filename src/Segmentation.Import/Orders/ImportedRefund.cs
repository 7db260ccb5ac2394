namespace Segmentation.Import.Orders;

/// <summary>The lines of one cancellation invoice that refund one original order; becomes an <c>Order Refunded</c>.</summary>
/// <param name="CancellationId">The cancellation invoice number (e.g. <c>C536379</c>).</param>
/// <param name="OrderId">The original order it refunds.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="RefundedAt">The cancellation invoice's earliest date (UTC), always after the order was placed.</param>
/// <param name="Amount">The refunded amount: the sum of the absolute amounts of the lines (positive).</param>
/// <param name="Lines">The cancellation lines, in file order.</param>
public sealed record ImportedRefund(
    string CancellationId,
    string OrderId,
    string CustomerId,
    DateTimeOffset RefundedAt,
    decimal Amount,
    IReadOnlyList<OrderLine> Lines);
