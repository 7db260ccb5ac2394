namespace Segmentation.Import.Orders;

/// <summary>Stable codes (for the rejects file and scripts) and descriptions (for the summary) of <see cref="RejectionReason"/>s.</summary>
public static class RejectionReasonExtensions
{
    /// <summary>The kebab-case code, e.g. <c>missing-customer-id</c>.</summary>
    public static string ToCode(this RejectionReason reason) => reason switch
    {
        RejectionReason.MalformedRow => "malformed-row",
        RejectionReason.MissingInvoice => "missing-invoice",
        RejectionReason.InvalidInvoice => "invalid-invoice",
        RejectionReason.MissingCustomerId => "missing-customer-id",
        RejectionReason.InvalidCustomerId => "invalid-customer-id",
        RejectionReason.InvalidDate => "invalid-date",
        RejectionReason.InvalidQuantity => "invalid-quantity",
        RejectionReason.InvalidPrice => "invalid-price",
        RejectionReason.InvalidRevenue => "invalid-revenue",
        RejectionReason.MissingProduct => "missing-product",
        RejectionReason.ZeroQuantity => "zero-quantity",
        RejectionReason.NegativePrice => "negative-price",
        RejectionReason.NegativeQuantityOutsideCancellation => "negative-quantity-outside-cancellation",
        RejectionReason.PositiveQuantityInCancellation => "positive-quantity-in-cancellation",
        RejectionReason.NegativeRevenueOutsideCancellation => "negative-revenue-outside-cancellation",
        RejectionReason.ConflictingCustomerIds => "conflicting-customer-ids",
        RejectionReason.CancellationOriginalOrderUnknown => "cancellation-original-order-unknown",
        RejectionReason.CancellationNotImported => "cancellation-not-imported",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>A short explanation for people.</summary>
    public static string Describe(this RejectionReason reason) => reason switch
    {
        RejectionReason.MalformedRow => "Malformed CSV row (broken quoting or wrong field count)",
        RejectionReason.MissingInvoice => "Missing invoice number",
        RejectionReason.InvalidInvoice => "Invoice number too long or with control characters",
        RejectionReason.MissingCustomerId => "Missing customer id",
        RejectionReason.InvalidCustomerId => "Customer id too long or with control characters",
        RejectionReason.InvalidDate => "Missing or unparseable invoice date",
        RejectionReason.InvalidQuantity => "Missing or unparseable quantity",
        RejectionReason.InvalidPrice => "Missing or unparseable unit price",
        RejectionReason.InvalidRevenue => "Missing or unparseable revenue",
        RejectionReason.MissingProduct => "Missing product code",
        RejectionReason.ZeroQuantity => "Quantity of zero",
        RejectionReason.NegativePrice => "Negative unit price (an adjustment, not a sale)",
        RejectionReason.NegativeQuantityOutsideCancellation => "Negative quantity outside a cancellation",
        RejectionReason.PositiveQuantityInCancellation => "Positive quantity in a cancellation",
        RejectionReason.NegativeRevenueOutsideCancellation => "Negative revenue outside a cancellation",
        RejectionReason.ConflictingCustomerIds => "Invoice with lines of different customers",
        RejectionReason.CancellationOriginalOrderUnknown => "Cancellation whose original order is not in the file",
        RejectionReason.CancellationNotImported => "Cancellation (cancellations not imported)",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
