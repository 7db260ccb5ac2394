namespace Segmentation.Import.Orders;

/// <summary>What happens to cancellation invoices (invoice numbers with the cancellation prefix, <c>C</c> in the UCI data).</summary>
public enum CancellationPolicy
{
    /// <summary>
    /// Each cancelled line becomes part of an <c>Order Refunded</c> of its original order: the invoice named in the
    /// original-invoice column when the file has one, else the customer's latest order placed before the cancellation
    /// that contains the same product. Lines with no such order are rejected.
    /// </summary>
    MatchProduct,

    /// <summary>Every cancellation line is rejected; only orders are imported.</summary>
    Reject,
}
