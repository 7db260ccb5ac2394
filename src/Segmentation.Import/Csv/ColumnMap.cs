namespace Segmentation.Import.Csv;

/// <summary>
/// Which column of the CSV holds which <see cref="ImportField"/>. Columns are found by header name: an explicit
/// override first, else a known alias compared without case, spaces, underscores and dashes (so the UCI
/// <c>CustomerID</c>, Online Retail II's <c>Customer ID</c> and <c>customer_id</c> all match).
/// </summary>
public sealed class ColumnMap
{
    private readonly Dictionary<ImportField, int> _indexes;

    private ColumnMap(IReadOnlyList<string> headers, Dictionary<ImportField, int> indexes)
    {
        Headers = headers;
        _indexes = indexes;
    }

    /// <summary>The header row as read.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Finds the columns of <paramref name="headers"/>.</summary>
    /// <param name="headers">The header row.</param>
    /// <param name="overrides">Header names given explicitly for some fields (matched like aliases).</param>
    /// <exception cref="ImportInputException">An override names a column the header does not have.</exception>
    public static ColumnMap Detect(IReadOnlyList<string> headers, IReadOnlyDictionary<ImportField, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var normalized = headers.Select(ColumnAliases.Normalize).ToArray();
        var indexes = new Dictionary<ImportField, int>();
        foreach (var (field, header) in overrides ?? new Dictionary<ImportField, string>())
        {
            var index = Array.IndexOf(normalized, ColumnAliases.Normalize(header));
            if (index < 0)
            {
                throw new ImportInputException(
                    $"The column '{header}' given for {Name(field)} is not in the header ({string.Join(", ", headers)}).");
            }

            indexes[field] = index;
        }

        foreach (var field in Enum.GetValues<ImportField>())
        {
            if (indexes.ContainsKey(field))
            {
                continue;
            }

            foreach (var alias in ColumnAliases.For(field))
            {
                var index = Array.IndexOf(normalized, alias);
                if (index >= 0 && !indexes.ContainsValue(index))
                {
                    indexes[field] = index;
                    break;
                }
            }
        }

        return new ColumnMap(headers, indexes);
    }

    /// <summary>Parses <c>field=header</c> pairs given on the command line.</summary>
    /// <exception cref="ImportInputException">A pair is malformed, names an unknown field, or a field is given twice.</exception>
    public static IReadOnlyDictionary<ImportField, string> ParseOverrides(IEnumerable<string>? pairs)
    {
        var result = new Dictionary<ImportField, string>();
        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                throw new ImportInputException($"--column expects field=header, e.g. customer=\"Customer ID\"; got '{pair}'.");
            }

            if (!ColumnAliases.TryParseField(pair[..equals], out var field))
            {
                throw new ImportInputException(
                    $"Unknown field '{pair[..equals]}' in --column; known fields: {ColumnAliases.KnownFieldNames}.");
            }

            if (!result.TryAdd(field, pair[(equals + 1)..].Trim()))
            {
                throw new ImportInputException($"--column gives {Name(field)} more than once.");
            }
        }

        return result;
    }

    /// <summary>The command-line name of a field, for messages.</summary>
    public static string Name(ImportField field) => field switch
    {
        ImportField.StockCode => "stock-code",
        ImportField.InvoiceDate => "date",
        ImportField.UnitPrice => "price",
        ImportField.CustomerId => "customer",
        ImportField.OriginalInvoice => "original-invoice",
        _ => field.ToString().ToLowerInvariant(),
    };

    public bool Has(ImportField field) => _indexes.ContainsKey(field);

    /// <summary>The header of the column holding <paramref name="field"/>, or null when there is none.</summary>
    public string? HeaderOf(ImportField field) => _indexes.TryGetValue(field, out var index) ? Headers[index] : null;

    /// <summary>The trimmed value of <paramref name="field"/> in a record; null when the column is absent or the value empty.</summary>
    public string? Get(IReadOnlyList<string> record, ImportField field)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_indexes.TryGetValue(field, out var index) || index >= record.Count)
        {
            return null;
        }

        var value = record[index].Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Throws unless every field in <paramref name="required"/> has a column.</summary>
    /// <exception cref="ImportInputException">Some are missing; the message names them and the header.</exception>
    public void Require(IEnumerable<ImportField> required, string format)
    {
        var missing = required.Where(field => !Has(field)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportInputException(
                $"The {format} format needs the column(s) {string.Join(", ", missing.Select(Name))}, which the header " +
                $"({string.Join(", ", Headers)}) does not have. Name them with --column, e.g. --column {Name(missing[0])}=<header>.");
        }
    }
}
