using Segmentation.Import.Orders;
using Segmentation.Import.Tests.Infrastructure;

namespace Segmentation.Import.Tests;

/// <summary>Row-level rejections, each reason with its line number, and the invoice-summary format.</summary>
public sealed class RowRejectionTests
{
    [Theory]
    [InlineData("536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,,United Kingdom", RejectionReason.MissingCustomerId)]
    [InlineData(",85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom", RejectionReason.MissingInvoice)]
    [InlineData("536365,85123A,HEART,6,someday,2.55,17850.0,United Kingdom", RejectionReason.InvalidDate)]
    [InlineData("536365,85123A,HEART,six,2010-12-01 08:26:00,2.55,17850.0,United Kingdom", RejectionReason.InvalidQuantity)]
    [InlineData("536365,85123A,HEART,6,2010-12-01 08:26:00,£2.55,17850.0,United Kingdom", RejectionReason.InvalidPrice)]
    [InlineData("536365,,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom", RejectionReason.MissingProduct)]
    [InlineData("536365,85123A,HEART,0,2010-12-01 08:26:00,2.55,17850.0,United Kingdom", RejectionReason.ZeroQuantity)]
    [InlineData("A563185,B,Adjust bad debt,1,2011-08-12 14:50:00,-11062.06,17850.0,United Kingdom", RejectionReason.NegativePrice)]
    [InlineData("536365,85123A,HEART,-6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom", RejectionReason.NegativeQuantityOutsideCancellation)]
    [InlineData("C536379,85123A,HEART,6,2010-12-01 09:41:00,2.55,17850.0,United Kingdom", RejectionReason.PositiveQuantityInCancellation)]
    [InlineData("536365,85123A,HEART,6,2010-12-01 08:26:00", RejectionReason.MalformedRow)]
    public void Row_WithOneProblem_IsRejectedForIt(string row, RejectionReason reason)
    {
        var plan = CsvText.Read(CsvText.Lines(row));

        var rejection = Assert.Single(plan.Rejections);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(2, rejection.LineNumber);
        Assert.Empty(plan.Orders);
        Assert.Equal(1, plan.RejectedByReason[reason]);
    }

    [Fact]
    public void Rejections_AreCountedByReasonAndKeepTheirLineNumbers()
    {
        var plan = CsvText.Read(CsvText.Lines(
            "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            "536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,,United Kingdom",
            "536367,84879,BIRD ORNAMENT,32,bad,1.69,13047.0,United Kingdom",
            "536368,22960,JAM MAKING SET,6,2010-12-01 08:34:00,4.25,,United Kingdom"));

        Assert.Equal(4, plan.RowsRead);
        Assert.Single(plan.Orders);
        Assert.Equal([3L, 4L, 5L], plan.Rejections.Select(r => r.LineNumber));
        Assert.Equal(2, plan.RejectedByReason[RejectionReason.MissingCustomerId]);
        Assert.Equal(1, plan.RejectedByReason[RejectionReason.InvalidDate]);
    }

    [Fact]
    public void QuotedFieldWithCommasAndLineBreak_IsOneField_AndLineNumbersFollowTheFile()
    {
        var plan = CsvText.Read(CsvText.Lines(
            "536365,85123A,\"SET OF 3, \"\"RED\"\" CAKE TINS\nWITH LIDS\",6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            "536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,,United Kingdom"));

        var order = Assert.Single(plan.Orders);
        Assert.Equal("SET OF 3, \"RED\" CAKE TINS\nWITH LIDS", Assert.Single(order.Lines).Description);
        Assert.Equal(4, Assert.Single(plan.Rejections).LineNumber);
    }

    [Fact]
    public void InvoiceSummaryFormat_UsesTheRevenueColumnAndIgnoresQuantityTimesMeanPrice()
    {
        const string csv = "InvoiceNo,InvoiceDate,CustomerID,Country,Quantity,UnitPrice,Revenue\n" +
            "536365,12/1/2010 8:26,17850,United Kingdom,40,3.91,139.12\n" +
            "536366,12/1/2010 8:28,(blank),United Kingdom,12,1.85,22.20\n" +
            "536367,12/1/2010 8:34,13047,United Kingdom,83,4.8533,-5\n";

        var plan = CsvText.Read(csv);

        var order = Assert.Single(plan.Orders);
        Assert.Equal(Csv.CsvFormat.Invoices, plan.Format);
        Assert.Equal(139.12m, order.Revenue);
        Assert.Equal(RejectionReason.MissingCustomerId, plan.Rejections[0].Reason);
        Assert.Equal(RejectionReason.NegativeRevenueOutsideCancellation, plan.Rejections[1].Reason);
    }
}
