using System.Text;
using CsvHelper;

namespace Segmentation.Import.Csv;

/// <summary>
/// Reads the rows of a CSV file with a header row (RFC 4180 quoting: quoted fields may hold the separator,
/// doubled quotes and line breaks). A row with broken quoting or a field count different from the header is
/// still returned, with <see cref="CsvRecord.Problem"/> set, so that it can be rejected with its line number.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly CsvReader _reader;
    private readonly HashSet<long> _malformed = [];
    private readonly long? _totalBytes;
    private IReadOnlyList<string>? _headers;

    private CsvRecordReader(Stream stream, char separator, Encoding? encoding, bool leaveOpen)
    {
        _totalBytes = stream.CanSeek ? stream.Length - stream.Position : null;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            Encoding = encoding,
            PoolStrings = true,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = record => _malformed.Add(record.RecordNumber),
        };
        _reader = CsvReader.Create(stream, options, leaveOpen);
    }

    /// <summary>The header row.</summary>
    public IReadOnlyList<string> Headers => _headers ??= _reader.Headers.ToArray();

    /// <summary>Bytes of input consumed up to the current row (UTF-8), for progress.</summary>
    public long BytesRead => _reader.ByteOffset;

    /// <summary>The size of the input in bytes when the stream knows it, for progress.</summary>
    public long? TotalBytes => _totalBytes;

    /// <summary>Opens a reader over <paramref name="stream"/>.</summary>
    /// <param name="stream">The CSV input.</param>
    /// <param name="separator">The field separator, usually a comma.</param>
    /// <param name="encoding">The encoding when the input has no byte order mark; UTF-8 when null.</param>
    /// <param name="leaveOpen">Whether the stream stays open when the reader is disposed.</param>
    /// <exception cref="ImportInputException">The input has no header row.</exception>
    public static CsvRecordReader Open(Stream stream, char separator = ',', Encoding? encoding = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new CsvRecordReader(stream, separator, encoding, leaveOpen);
        try
        {
            if (reader.Headers.Count == 0 || reader.Headers.All(string.IsNullOrWhiteSpace))
            {
                throw new ImportInputException("The file is empty or has no header row.");
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next data row; false at the end of the input.</summary>
    /// <exception cref="ImportInputException">The input cannot be read as CSV at all.</exception>
    public bool TryRead(out CsvRecord record)
    {
        try
        {
            if (!_reader.Read())
            {
                record = null!;
                return false;
            }
        }
        catch (CsvFormatException exception)
        {
            throw new ImportInputException($"The file cannot be read as CSV: {exception.Message}", exception);
        }

        var fields = new string[_reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = _reader.GetString(i) ?? string.Empty;
        }

        string? problem = null;
        if (_malformed.Remove(_reader.RowNumber + 1))
        {
            problem = "broken quoting";
        }
        else if (fields.Length != Headers.Count)
        {
            problem = $"{fields.Length} fields where the header has {Headers.Count}";
        }

        record = new CsvRecord(_reader.LineNumber, fields, problem);
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
