using Segmentation.Import.Csv;

namespace Segmentation.Import.Orders;

/// <summary>Reads an order CSV into an <see cref="ImportPlan"/>: header and format detection, row parsing, grouping.</summary>
public sealed class OrderCsvReader
{
    private const int ProgressEveryRows = 2_000;

    private static readonly ImportField[] LinesRequired =
        [ImportField.Invoice, ImportField.StockCode, ImportField.Quantity, ImportField.InvoiceDate, ImportField.UnitPrice, ImportField.CustomerId];

    private static readonly ImportField[] InvoicesRequired = [ImportField.Invoice, ImportField.InvoiceDate, ImportField.CustomerId];

    private readonly ImportSettings _settings;

    public OrderCsvReader(ImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    /// <summary>Decides the format and checks that its columns are there.</summary>
    /// <exception cref="ImportInputException">A required column is missing, or the invoice format has no revenue column.</exception>
    public static CsvFormat ResolveFormat(ColumnMap columns, CsvFormat requested)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var format = requested != CsvFormat.Auto ? requested
            : columns.Has(ImportField.StockCode) ? CsvFormat.Lines
            : CsvFormat.Invoices;
        if (format == CsvFormat.Lines)
        {
            columns.Require(LinesRequired, "line-item");
            return format;
        }

        columns.Require(InvoicesRequired, "invoice-summary");
        if (!columns.Has(ImportField.Revenue))
        {
            throw new ImportInputException(
                "The invoice-summary format needs a revenue column, and this file has none. Its Quantity and UnitPrice " +
                "columns do not give the revenue (in the UCI invoice summary UnitPrice is the mean of the line prices, " +
                "so Quantity*UnitPrice is not what was paid), and the importer does not make revenue up. Add a revenue " +
                "column (name it with --column revenue=<header>) or import the line-item file instead.");
        }

        return format;
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="ImportInputException">The file is missing or cannot be imported as it is.</exception>
    public ImportPlan ReadFile(string path, IProgress<ReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ImportInputException($"Cannot open '{path}': {exception.Message}", exception);
        }

        using (stream)
        {
            return Read(stream, progress, cancellationToken);
        }
    }

    /// <summary>Reads CSV from <paramref name="stream"/>.</summary>
    /// <exception cref="ImportInputException">The input cannot be imported as it is.</exception>
    public ImportPlan Read(Stream stream, IProgress<ReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = CsvRecordReader.Open(stream, _settings.Delimiter, _settings.Encoding, leaveOpen: true);
        var columns = ColumnMap.Detect(reader.Headers, _settings.Columns);
        var format = ResolveFormat(columns, _settings.Format);
        var parser = new OrderRowParser(columns, format, _settings);
        var grouper = new OrderGrouper(_settings);
        var rejections = new List<RowRejection>();
        long rows = 0;
        while (reader.TryRead(out var record))
        {
            rows++;
            var parsed = parser.Parse(record);
            if (parsed.Line is { } line)
            {
                grouper.Add(line);
            }
            else
            {
                rejections.Add(parsed.Rejection!);
            }

            if (rows % ProgressEveryRows == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ReadProgress(rows, reader.BytesRead, reader.TotalBytes));
            }
        }

        progress?.Report(new ReadProgress(rows, reader.TotalBytes ?? reader.BytesRead, reader.TotalBytes));
        return grouper.Build(format, rows, rejections);
    }
}
