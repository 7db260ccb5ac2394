using CsvHelper;

namespace Segmentation.Import.Orders;

/// <summary>
/// Writes rejected rows to a CSV file: <c>line,reason,detail,invoice,customer_id,product</c>, one row per rejected
/// input row, by line number. The line number leads back to the full row in the input.
/// </summary>
public static class RejectsFile
{
    public static void Write(string path, IEnumerable<RowRejection> rejections)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(rejections);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(stream, rejections);
    }

    public static void Write(Stream stream, IEnumerable<RowRejection> rejections)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rejections);
        using var writer = CsvWriter.Create(stream, CsvHelper.CsvWriterOptions.Default, leaveOpen: true);
        writer.WriteRecord(["line", "reason", "detail", "invoice", "customer_id", "product"]);
        foreach (var rejection in rejections)
        {
            writer.WriteRecord(
            [
                rejection.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                rejection.Reason.ToCode(),
                rejection.Detail ?? string.Empty,
                rejection.Invoice ?? string.Empty,
                rejection.CustomerId ?? string.Empty,
                rejection.Product ?? string.Empty,
            ]);
        }

        writer.Flush();
    }
}
