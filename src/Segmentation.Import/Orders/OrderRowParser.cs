using Segmentation.Import.Csv;

namespace Segmentation.Import.Orders;

/// <summary>
/// Turns one CSV row into an <see cref="OrderLine"/> or a <see cref="RowRejection"/>. The first problem found is
/// the one reported, checked in this order: malformed row, invoice, customer id, date, then the format's own fields
/// (line items: quantity, price, product, zero quantity, negative price, sign against the cancellation prefix;
/// invoice summaries: revenue and its sign).
/// </summary>
public sealed class OrderRowParser
{
    private readonly ColumnMap _columns;
    private readonly CsvFormat _format;
    private readonly ImportSettings _settings;
    private readonly InvoiceDateParser _dates;

    /// <param name="columns">Where the fields are.</param>
    /// <param name="format">The resolved format, <see cref="CsvFormat.Lines"/> or <see cref="CsvFormat.Invoices"/>.</param>
    /// <param name="settings">Time zone, date format and cancellation prefix.</param>
    public OrderRowParser(ColumnMap columns, CsvFormat format, ImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(settings);
        if (format == CsvFormat.Auto)
        {
            throw new ArgumentException("The format must be resolved before parsing rows.", nameof(format));
        }

        _columns = columns;
        _format = format;
        _settings = settings;
        _dates = new InvoiceDateParser(settings.TimeZone, settings.DateFormat);
    }

    public ParsedRow Parse(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = record.Fields;
        var invoice = _columns.Get(fields, ImportField.Invoice);
        var customer = FieldParsers.NormalizeCustomerId(_columns.Get(fields, ImportField.CustomerId));
        var product = _columns.Get(fields, ImportField.StockCode);
        ParsedRow Reject(RejectionReason reason, string? detail = null) =>
            ParsedRow.Rejected(new RowRejection(record.LineNumber, reason, detail, invoice, customer, product));

        if (record.Problem is { } problem)
        {
            return Reject(RejectionReason.MalformedRow, problem);
        }

        if (invoice is null)
        {
            return Reject(RejectionReason.MissingInvoice);
        }

        if (!FieldParsers.IsUsableId(invoice))
        {
            return Reject(RejectionReason.InvalidInvoice, $"longer than {FieldParsers.MaxIdLength} characters or with control characters");
        }

        if (customer is null)
        {
            return Reject(RejectionReason.MissingCustomerId);
        }

        if (!FieldParsers.IsUsableId(customer))
        {
            return Reject(RejectionReason.InvalidCustomerId, $"longer than {FieldParsers.MaxIdLength} characters or with control characters");
        }

        if (!_dates.TryParse(_columns.Get(fields, ImportField.InvoiceDate), out var placedAt, out var dateProblem))
        {
            return Reject(RejectionReason.InvalidDate, dateProblem);
        }

        var isCancellation = invoice.StartsWith(_settings.CancellationPrefix, StringComparison.Ordinal);
        var country = _columns.Get(fields, ImportField.Country);
        var original = _columns.Get(fields, ImportField.OriginalInvoice);
        if (_format == CsvFormat.Invoices)
        {
            var revenueText = _columns.Get(fields, ImportField.Revenue);
            if (!FieldParsers.TryParseMoney(revenueText, out var revenue))
            {
                return Reject(RejectionReason.InvalidRevenue, Quote(revenueText));
            }

            if (!isCancellation && revenue < 0)
            {
                return Reject(RejectionReason.NegativeRevenueOutsideCancellation, Quote(revenueText));
            }

            // A cancellation's revenue may be written negative (as the UCI data does) or as a positive refund amount.
            var amount = isCancellation ? -Math.Abs(revenue) : revenue;
            return ParsedRow.Accepted(new OrderLine(
                record.LineNumber, invoice, customer, placedAt, null, null, null, null, amount, country, original, isCancellation));
        }

        var quantityText = _columns.Get(fields, ImportField.Quantity);
        if (!FieldParsers.TryParseQuantity(quantityText, out var quantity))
        {
            return Reject(RejectionReason.InvalidQuantity, Quote(quantityText));
        }

        var priceText = _columns.Get(fields, ImportField.UnitPrice);
        if (!FieldParsers.TryParseMoney(priceText, out var price))
        {
            return Reject(RejectionReason.InvalidPrice, Quote(priceText));
        }

        if (product is null)
        {
            return Reject(RejectionReason.MissingProduct);
        }

        if (quantity == 0)
        {
            return Reject(RejectionReason.ZeroQuantity);
        }

        if (price < 0)
        {
            return Reject(RejectionReason.NegativePrice, Quote(priceText));
        }

        if (!isCancellation && quantity < 0)
        {
            return Reject(RejectionReason.NegativeQuantityOutsideCancellation, Quote(quantityText));
        }

        if (isCancellation && quantity > 0)
        {
            return Reject(RejectionReason.PositiveQuantityInCancellation, Quote(quantityText));
        }

        return ParsedRow.Accepted(new OrderLine(
            record.LineNumber,
            invoice,
            customer,
            placedAt,
            product,
            _columns.Get(fields, ImportField.Description),
            quantity,
            price,
            quantity * price,
            country,
            original,
            isCancellation));
    }

    private static string Quote(string? value) => value is null ? "no value" : value.Length <= 40 ? $"'{value}'" : $"'{value[..40]}...'";
}
