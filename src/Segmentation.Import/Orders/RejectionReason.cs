namespace Segmentation.Import.Orders;

/// <summary>Why a row was not imported. <see cref="RejectionReasonExtensions"/> gives each one's code and description.</summary>
public enum RejectionReason
{
    MalformedRow,
    MissingInvoice,
    InvalidInvoice,
    MissingCustomerId,
    InvalidCustomerId,
    InvalidDate,
    InvalidQuantity,
    InvalidPrice,
    InvalidRevenue,
    MissingProduct,
    ZeroQuantity,
    NegativePrice,
    NegativeQuantityOutsideCancellation,
    PositiveQuantityInCancellation,
    NegativeRevenueOutsideCancellation,
    ConflictingCustomerIds,
    CancellationOriginalOrderUnknown,
    CancellationNotImported,
}
