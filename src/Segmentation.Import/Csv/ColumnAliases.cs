namespace Segmentation.Import.Csv;

/// <summary>Header names recognized for each field, and the names of the fields on the command line.</summary>
internal static class ColumnAliases
{
    private static readonly Dictionary<ImportField, string[]> Aliases = new()
    {
        [ImportField.Invoice] = ["invoiceno", "invoice", "invoicenumber", "invoiceid", "orderid", "ordernumber", "orderno"],
        [ImportField.StockCode] = ["stockcode", "sku", "productid", "productcode", "itemcode", "itemid"],
        [ImportField.Description] = ["description", "productname", "itemname", "itemdescription"],
        [ImportField.Quantity] = ["quantity", "qty"],
        [ImportField.InvoiceDate] = ["invoicedate", "orderdate", "date", "timestamp", "createdat", "placedat"],
        [ImportField.UnitPrice] = ["unitprice", "price", "itemprice"],
        [ImportField.CustomerId] = ["customerid", "customer", "customerno", "customernumber", "userid", "clientid"],
        [ImportField.Country] = ["country", "countrycode"],
        [ImportField.Revenue] = ["revenue", "ordertotal", "invoicetotal", "total", "amount"],
        [ImportField.OriginalInvoice] = ["originalinvoiceno", "originalinvoice", "originalorderid", "refundof"],
    };

    private static readonly Dictionary<string, ImportField> FieldNames = new(StringComparer.Ordinal)
    {
        ["invoice"] = ImportField.Invoice,
        ["stockcode"] = ImportField.StockCode,
        ["product"] = ImportField.StockCode,
        ["description"] = ImportField.Description,
        ["quantity"] = ImportField.Quantity,
        ["date"] = ImportField.InvoiceDate,
        ["invoicedate"] = ImportField.InvoiceDate,
        ["price"] = ImportField.UnitPrice,
        ["unitprice"] = ImportField.UnitPrice,
        ["customer"] = ImportField.CustomerId,
        ["customerid"] = ImportField.CustomerId,
        ["country"] = ImportField.Country,
        ["revenue"] = ImportField.Revenue,
        ["originalinvoice"] = ImportField.OriginalInvoice,
    };

    /// <summary>The names accepted on the command line, for messages.</summary>
    public static string KnownFieldNames =>
        "invoice, stock-code (or product), description, quantity, date, price, customer, country, revenue, original-invoice";

    public static IReadOnlyList<string> For(ImportField field) => Aliases[field];

    public static bool TryParseField(string name, out ImportField field) => FieldNames.TryGetValue(Normalize(name), out field);

    /// <summary>Lower case without spaces, underscores, dashes and dots: <c>Customer ID</c> and <c>customer_id</c> match.</summary>
    public static string Normalize(string header)
    {
        var chars = new List<char>(header.Length);
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
        {
            if (c is not (' ' or '_' or '-' or '.'))
            {
                chars.Add(char.ToLowerInvariant(c));
            }
        }

        return new string(chars.ToArray());
    }
}
