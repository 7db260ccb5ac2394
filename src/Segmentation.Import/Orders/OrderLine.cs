namespace Segmentation.Import.Orders;

/// <summary>One accepted row: an order line (line-item format) or a whole invoice (invoice-summary format).</summary>
/// <param name="LineNumber">The file line the row starts on.</param>
/// <param name="Invoice">The invoice number as written.</param>
/// <param name="CustomerId">The normalized customer id (<c>12923.0</c> becomes <c>12923</c>).</param>
/// <param name="PlacedAt">The invoice date in UTC.</param>
/// <param name="StockCode">The product code; null in the invoice-summary format.</param>
/// <param name="Description">The product name, when given.</param>
/// <param name="Quantity">The quantity; null in the invoice-summary format. Negative in a cancellation.</param>
/// <param name="UnitPrice">The unit price; null in the invoice-summary format.</param>
/// <param name="Amount">Quantity times unit price, or the invoice revenue; negative in a cancellation.</param>
/// <param name="Country">The country, when given.</param>
/// <param name="OriginalInvoice">The invoice a cancellation refunds, when the file says.</param>
/// <param name="IsCancellation">Whether the invoice number carries the cancellation prefix.</param>
public sealed record OrderLine(
    long LineNumber,
    string Invoice,
    string CustomerId,
    DateTimeOffset PlacedAt,
    string? StockCode,
    string? Description,
    int? Quantity,
    decimal? UnitPrice,
    decimal Amount,
    string? Country,
    string? OriginalInvoice,
    bool IsCancellation);
