using Segmentation.Import.Csv;
using Segmentation.Import.Orders;

namespace Segmentation.Import.Tests;

/// <summary>Column detection by header aliases and overrides, and format resolution.</summary>
public sealed class ColumnMapTests
{
    [Fact]
    public void Detect_UciHeader_FindsEveryLineField()
    {
        var map = ColumnMap.Detect(["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]);

        Assert.Equal("InvoiceNo", map.HeaderOf(ImportField.Invoice));
        Assert.Equal("CustomerID", map.HeaderOf(ImportField.CustomerId));
        Assert.Equal("UnitPrice", map.HeaderOf(ImportField.UnitPrice));
        Assert.False(map.Has(ImportField.Revenue));
        Assert.Equal(CsvFormat.Lines, OrderCsvReader.ResolveFormat(map, CsvFormat.Auto));
    }

    [Fact]
    public void Detect_OnlineRetailIIHeader_MatchesIgnoringCaseSpacesAndUnderscores()
    {
        var map = ColumnMap.Detect(["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "country"]);

        Assert.Equal("Invoice", map.HeaderOf(ImportField.Invoice));
        Assert.Equal("Price", map.HeaderOf(ImportField.UnitPrice));
        Assert.Equal("Customer ID", map.HeaderOf(ImportField.CustomerId));
        Assert.Equal("country", map.HeaderOf(ImportField.Country));
    }

    [Fact]
    public void Detect_Overrides_WinOverAliases()
    {
        var overrides = ColumnMap.ParseOverrides(["customer=Client Ref", "date=Booked"]);

        var map = ColumnMap.Detect(["InvoiceNo", "Booked", "Client Ref", "CustomerID", "StockCode", "Quantity", "UnitPrice"], overrides);

        Assert.Equal("Client Ref", map.HeaderOf(ImportField.CustomerId));
        Assert.Equal("Booked", map.HeaderOf(ImportField.InvoiceDate));
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("nosuchfield=x")]
    [InlineData("customer=a")]
    public void ParseOverrides_BadPairs_Throw(string pair)
    {
        string[] pairs = pair == "customer=a" ? ["customer=a", "customer=b"] : [pair];

        Assert.Throws<ImportInputException>(() => ColumnMap.ParseOverrides(pairs));
    }

    [Fact]
    public void Detect_OverrideOfAbsentHeader_ThrowsNamingTheHeader()
    {
        var exception = Assert.Throws<ImportInputException>(() =>
            ColumnMap.Detect(["InvoiceNo"], ColumnMap.ParseOverrides(["customer=Client"])));

        Assert.Contains("'Client'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveFormat_LinesWithoutPrice_ThrowsNamingTheMissingColumn()
    {
        var map = ColumnMap.Detect(["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "CustomerID"]);

        var exception = Assert.Throws<ImportInputException>(() => OrderCsvReader.ResolveFormat(map, CsvFormat.Auto));

        Assert.Contains("price", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--column", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveFormat_InvoiceSummaryWithoutRevenue_IsRefusedWithTheReason()
    {
        var map = ColumnMap.Detect(["InvoiceNo", "InvoiceDate", "CustomerID", "Country", "Quantity", "UnitPrice"]);

        var exception = Assert.Throws<ImportInputException>(() => OrderCsvReader.ResolveFormat(map, CsvFormat.Auto));

        Assert.Contains("revenue column", exception.Message, StringComparison.Ordinal);
        Assert.Contains("mean", exception.Message, StringComparison.Ordinal);
    }
}
