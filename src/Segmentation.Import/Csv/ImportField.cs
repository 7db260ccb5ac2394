namespace Segmentation.Import.Csv;

/// <summary>The columns the importer reads from an order CSV; the others are ignored.</summary>
public enum ImportField
{
    /// <summary>The invoice (order) number; a <c>C</c> prefix marks a cancellation.</summary>
    Invoice,

    /// <summary>The product code of a line (line-item format).</summary>
    StockCode,

    /// <summary>The product name of a line (optional).</summary>
    Description,

    /// <summary>The quantity of a line (line-item format); negative in a cancellation.</summary>
    Quantity,

    /// <summary>When the invoice was placed.</summary>
    InvoiceDate,

    /// <summary>The unit price of a line (line-item format).</summary>
    UnitPrice,

    /// <summary>The customer id, which becomes the profile's <c>userId</c>.</summary>
    CustomerId,

    /// <summary>The customer's country (optional), sent as <c>context.location.country</c>.</summary>
    Country,

    /// <summary>The invoice revenue (invoice-summary format; required there).</summary>
    Revenue,

    /// <summary>The invoice a cancellation refunds (optional; the UCI data has none).</summary>
    OriginalInvoice,
}
