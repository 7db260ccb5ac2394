using System.Text;
using Segmentation.Import.Csv;
using Segmentation.Import.Orders;

namespace Segmentation.Import;

/// <summary>How a CSV file is read and turned into tracking events. The defaults fit the UCI Online Retail data.</summary>
public sealed record ImportSettings
{
    /// <summary>The layout of the file; detected from the header by default.</summary>
    public CsvFormat Format { get; init; } = CsvFormat.Auto;

    /// <summary>Header names for fields whose column the aliases do not find.</summary>
    public IReadOnlyDictionary<ImportField, string> Columns { get; init; } = new Dictionary<ImportField, string>();

    /// <summary>The ISO 4217 currency of every amount in the file. Default GBP.</summary>
    public string Currency { get; init; } = "GBP";

    /// <summary>The time zone of dates written without an offset. Default UTC.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>A .NET date format (e.g. <c>dd/MM/yyyy HH:mm</c>) when the built-in ones do not fit; null for those.</summary>
    public string? DateFormat { get; init; }

    /// <summary>What happens to cancellation invoices.</summary>
    public CancellationPolicy Cancellations { get; init; } = CancellationPolicy.MatchProduct;

    /// <summary>The invoice number prefix that marks a cancellation (case-sensitive). Default <c>C</c>.</summary>
    public string CancellationPrefix { get; init; } = "C";

    /// <summary>The start of every message id; ids are <c>{prefix}order-{invoice}</c> and <c>{prefix}refund-{cancellation}-{order}</c>.</summary>
    public string MessageIdPrefix { get; init; } = "import-";

    /// <summary>The field separator. Default comma.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The file's encoding when it has no byte order mark; UTF-8 when null.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The largest event in bytes of JSON (the tracking API's per-event limit). Default 32 KB.</summary>
    public int MaxEventBytes { get; init; } = 32 * 1024;
}
