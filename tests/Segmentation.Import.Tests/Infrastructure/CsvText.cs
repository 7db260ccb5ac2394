using System.Text;
using Segmentation.Import.Orders;

namespace Segmentation.Import.Tests.Infrastructure;

/// <summary>Small hand-made CSVs for tests.</summary>
internal static class CsvText
{
    public const string UciHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    /// <summary>A line-item CSV with the UCI header and the given rows.</summary>
    public static string Lines(params string[] rows) => string.Join("\n", [UciHeader, .. rows]) + "\n";

    public static ImportPlan Read(string csv, ImportSettings? settings = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return new OrderCsvReader(settings ?? new ImportSettings()).Read(stream);
    }

    public static string WriteTemp(TempFiles files, string csv)
    {
        var path = files.NewPath(".csv");
        File.WriteAllText(path, csv, new UTF8Encoding(false));
        return path;
    }
}
