using System.Text;
using Segmentation.Import.Csv;
using Segmentation.Import.Orders;

namespace Segmentation.Import.Cli;

/// <summary>The options of <c>orders</c> as given on the command line, before validation.</summary>
public sealed record OrdersCommandOptions
{
    public required string File { get; init; }

    public string? Endpoint { get; init; }

    public string? WriteKey { get; init; }

    public string Format { get; init; } = "auto";

    public bool DryRun { get; init; }

    public string? RejectsPath { get; init; }

    public string Currency { get; init; } = "GBP";

    public string TimeZone { get; init; } = "UTC";

    public string? DateFormat { get; init; }

    public IReadOnlyList<string> Columns { get; init; } = [];

    public string Cancellations { get; init; } = "match";

    public string MessageIdPrefix { get; init; } = "import-";

    public string Delimiter { get; init; } = ",";

    public string? Encoding { get; init; }

    public int BatchSize { get; init; } = 100;

    public int MaxRetries { get; init; } = 5;

    /// <summary>The import settings these options describe.</summary>
    /// <exception cref="ImportInputException">An option has a value that cannot be used; the message says which.</exception>
    public ImportSettings ToSettings()
    {
        if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetter))
        {
            throw new ImportInputException($"--currency must be a three-letter ISO 4217 code such as GBP; got '{Currency}'.");
        }

        if (MessageIdPrefix.Length > 40 || MessageIdPrefix.Any(char.IsControl))
        {
            throw new ImportInputException("--message-id-prefix must be at most 40 characters without control characters.");
        }

        if (Delimiter.Length != 1 || Delimiter[0] > 127 || Delimiter[0] is '"' or '\r' or '\n')
        {
            throw new ImportInputException($"--delimiter must be one ASCII character other than a quote or a line break; got '{Delimiter}'.");
        }

        return new ImportSettings
        {
            Format = Format.ToLowerInvariant() switch
            {
                "lines" => CsvFormat.Lines,
                "invoices" => CsvFormat.Invoices,
                _ => CsvFormat.Auto,
            },
            Columns = ColumnMap.ParseOverrides(Columns),
            Currency = Currency.ToUpperInvariant(),
            TimeZone = FindTimeZone(TimeZone),
            DateFormat = DateFormat,
            Cancellations = Cancellations.Equals("reject", StringComparison.OrdinalIgnoreCase) ? CancellationPolicy.Reject : CancellationPolicy.MatchProduct,
            MessageIdPrefix = MessageIdPrefix,
            Delimiter = Delimiter[0],
            Encoding = FindEncoding(Encoding),
        };
    }

    private static TimeZoneInfo FindTimeZone(string id)
    {
        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ImportInputException($"Unknown time zone '{id}'; use an IANA id such as Europe/London, or UTC.", exception);
        }
    }

    private static Encoding? FindEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException exception)
        {
            throw new ImportInputException($"Unknown encoding '{name}'; use e.g. utf-8 or iso-8859-1.", exception);
        }
    }
}
