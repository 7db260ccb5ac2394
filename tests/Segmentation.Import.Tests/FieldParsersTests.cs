using Segmentation.Import.Orders;

namespace Segmentation.Import.Tests;

/// <summary>Customer ids, quantities, amounts and invoice dates as order exports write them.</summary>
public sealed class FieldParsersTests
{
    [Theory]
    [InlineData("12923.0", "12923")]
    [InlineData("12923", "12923")]
    [InlineData(" 17850 ", "17850")]
    [InlineData("12923.00", "12923")]
    [InlineData("12923.5", "12923.5")]
    [InlineData("cust-7.0", "cust-7.0")]
    [InlineData("", null)]
    [InlineData("(blank)", null)]
    [InlineData("NaN", null)]
    [InlineData(null, null)]
    public void NormalizeCustomerId_FloatIdsAndMissingMarkers(string? raw, string? expected) =>
        Assert.Equal(expected, FieldParsers.NormalizeCustomerId(raw));

    [Theory]
    [InlineData("6", true, 6)]
    [InlineData("-12", true, -12)]
    [InlineData("6.0", true, 6)]
    [InlineData("6.5", false, 0)]
    [InlineData("six", false, 0)]
    [InlineData("1,000", false, 0)]
    public void TryParseQuantity_WholeNumbersOnly(string text, bool ok, int expected)
    {
        Assert.Equal(ok, FieldParsers.TryParseQuantity(text, out var quantity));
        Assert.Equal(expected, quantity);
    }

    [Theory]
    [InlineData("2.55", true)]
    [InlineData("-1.25", true)]
    [InlineData("0", true)]
    [InlineData("£2.55", false)]
    [InlineData("2,55", false)]
    public void TryParseMoney_InvariantWithoutSymbols(string text, bool ok) =>
        Assert.Equal(ok, FieldParsers.TryParseMoney(text, out _));

    [Theory]
    [InlineData("2011-10-06 16:20:00", "2011-10-06T16:20:00Z")]
    [InlineData("2011-10-06 16:20", "2011-10-06T16:20:00Z")]
    [InlineData("2011-10-06T16:20:00", "2011-10-06T16:20:00Z")]
    [InlineData("12/1/2010 8:26", "2010-12-01T08:26:00Z")]
    [InlineData("2011-10-06T16:20:00+02:00", "2011-10-06T14:20:00Z")]
    [InlineData("2011-10-06T16:20:00Z", "2011-10-06T16:20:00Z")]
    public void InvoiceDateParser_BuiltInFormats_AreUtcByDefault(string text, string expected)
    {
        Assert.True(new InvoiceDateParser(TimeZoneInfo.Utc).TryParse(text, out var utc, out var problem), problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void InvoiceDateParser_TimeZone_ConvertsLocalTimesButNotExplicitOffsets()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var parser = new InvoiceDateParser(london);

        Assert.True(parser.TryParse("2011-07-01 10:00:00", out var summer, out _));
        Assert.True(parser.TryParse("2011-12-01 10:00:00", out var winter, out _));
        Assert.True(parser.TryParse("2011-07-01T10:00:00Z", out var explicitUtc, out _));

        Assert.Equal(new DateTimeOffset(2011, 7, 1, 9, 0, 0, TimeSpan.Zero), summer);
        Assert.Equal(new DateTimeOffset(2011, 12, 1, 10, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(new DateTimeOffset(2011, 7, 1, 10, 0, 0, TimeSpan.Zero), explicitUtc);
    }

    [Fact]
    public void InvoiceDateParser_SkippedLocalTime_IsAProblem()
    {
        var parser = new InvoiceDateParser(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

        Assert.False(parser.TryParse("2011-03-27 01:30:00", out _, out var problem));
        Assert.Contains("does not exist", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void InvoiceDateParser_CustomFormat_ReplacesTheBuiltInOnes()
    {
        var parser = new InvoiceDateParser(TimeZoneInfo.Utc, "dd/MM/yyyy HH:mm");

        Assert.True(parser.TryParse("06/10/2011 16:20", out var utc, out _));
        Assert.Equal(new DateTimeOffset(2011, 10, 6, 16, 20, 0, TimeSpan.Zero), utc);
        Assert.False(parser.TryParse("2011-10-06 16:20:00", out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2011-13-45 10:00")]
    public void InvoiceDateParser_Garbage_Fails(string text) =>
        Assert.False(new InvoiceDateParser(TimeZoneInfo.Utc).TryParse(text, out _, out _));
}
