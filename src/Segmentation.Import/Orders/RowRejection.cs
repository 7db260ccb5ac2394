namespace Segmentation.Import.Orders;

/// <summary>A row that was not imported, and why.</summary>
/// <param name="LineNumber">The file line the row starts on.</param>
/// <param name="Reason">Why.</param>
/// <param name="Detail">The offending value or a precise explanation, or null.</param>
/// <param name="Invoice">The row's invoice number when it has one.</param>
/// <param name="CustomerId">The row's customer id (normalized) when it has one.</param>
/// <param name="Product">The row's product code when it has one.</param>
public sealed record RowRejection(
    long LineNumber,
    RejectionReason Reason,
    string? Detail,
    string? Invoice,
    string? CustomerId,
    string? Product);
