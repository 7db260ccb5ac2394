namespace Segmentation.Import.Csv;

/// <summary>The layout of an order CSV.</summary>
public enum CsvFormat
{
    /// <summary>Chosen from the header: <see cref="Lines"/> when a product column is present, else <see cref="Invoices"/>.</summary>
    Auto,

    /// <summary>One row per order line (the UCI Online Retail layout), grouped into orders by invoice.</summary>
    Lines,

    /// <summary>One row per invoice with its revenue in a revenue column.</summary>
    Invoices,
}
