namespace Segmentation.Import.Orders;

/// <summary>One invoice that becomes an <c>Order Completed</c>.</summary>
/// <param name="OrderId">The invoice number, sent as <c>order_id</c>.</param>
/// <param name="CustomerId">The customer, sent as <c>userId</c>.</param>
/// <param name="PlacedAt">The earliest date among the invoice's lines (UTC).</param>
/// <param name="Revenue">The sum of the lines' amounts.</param>
/// <param name="Country">The first country given on the invoice's lines, or null.</param>
/// <param name="Lines">The invoice's lines in file order.</param>
public sealed record ImportedOrder(
    string OrderId,
    string CustomerId,
    DateTimeOffset PlacedAt,
    decimal Revenue,
    string? Country,
    IReadOnlyList<OrderLine> Lines);
