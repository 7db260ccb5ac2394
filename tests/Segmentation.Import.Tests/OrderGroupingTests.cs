using Segmentation.Import.Orders;
using Segmentation.Import.Tests.Infrastructure;

namespace Segmentation.Import.Tests;

/// <summary>Grouping rows into orders, and cancellations into refunds of their original orders.</summary>
public sealed class OrderGroupingTests
{
    [Fact]
    public void LinesOutOfOrder_GroupIntoOneOrderPerInvoice_WithSummedRevenueAndEarliestDate()
    {
        var plan = CsvText.Read(CsvText.Lines(
            "536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom",
            "536365,85123A,HEART,6,2010-12-01 08:27:00,2.55,17850.0,United Kingdom",
            "536365,71053,WHITE LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom",
            "536366,22632,HAND WARMER RED,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom"));

        Assert.Equal(["536365", "536366"], plan.Orders.Select(o => o.OrderId));
        var first = plan.Orders[0];
        Assert.Equal("17850", first.CustomerId);
        Assert.Equal((6 * 2.55m) + (6 * 3.39m), first.Revenue);
        Assert.Equal(new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero), first.PlacedAt);
        Assert.Equal([3L, 4L], first.Lines.Select(l => l.LineNumber));
        Assert.Equal(22.2m, plan.Orders[1].Revenue);
    }

    [Fact]
    public void InvoiceWithTwoCustomers_IsRejectedWhole()
    {
        var plan = CsvText.Read(CsvText.Lines(
            "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            "536365,71053,WHITE LANTERN,6,2010-12-01 08:26:00,3.39,13047.0,United Kingdom"));

        Assert.Empty(plan.Orders);
        Assert.Equal(2, plan.RejectedByReason[RejectionReason.ConflictingCustomerIds]);
    }

    [Fact]
    public void Cancellation_RefundsTheLatestEarlierOrderWithTheProduct()
    {
        var plan = CsvText.Read(CsvText.Lines(
            "C536379,85123A,HEART,-2,2010-12-05 10:00:00,2.55,17850.0,United Kingdom",
            "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            "536370,85123A,HEART,4,2010-12-03 09:00:00,2.55,17850.0,United Kingdom",
            "536380,85123A,HEART,4,2010-12-06 09:00:00,2.55,17850.0,United Kingdom",
            "536371,22633,HAND WARMER,6,2010-12-04 08:28:00,1.85,17850.0,United Kingdom"));

        var refund = Assert.Single(plan.Refunds);
        Assert.Equal("536370", refund.OrderId);
        Assert.Equal("C536379", refund.CancellationId);
        Assert.Equal(5.1m, refund.Amount);
        Assert.Equal(new DateTimeOffset(2010, 12, 5, 10, 0, 0, TimeSpan.Zero), refund.RefundedAt);
        Assert.Empty(plan.Rejections);
    }

    [Fact]
    public void Cancellation_LinesOfDifferentOrders_BecomeOneRefundPerOrder_AndUnmatchedLinesAreRejected()
    {
        var plan = CsvText.Read(CsvText.Lines(
            "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            "536366,22633,HAND WARMER,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom",
            "C536379,85123A,HEART,-1,2010-12-05 10:00:00,2.55,17850.0,United Kingdom",
            "C536379,22633,HAND WARMER,-2,2010-12-05 10:00:00,1.85,17850.0,United Kingdom",
            "C536379,99999,NEVER BOUGHT,-1,2010-12-05 10:00:00,9.99,17850.0,United Kingdom",
            "C536390,85123A,HEART,-1,2010-12-05 10:00:00,2.55,13047.0,United Kingdom"));

        Assert.Equal([("536365", 2.55m), ("536366", 3.7m)], plan.Refunds.Select(r => (r.OrderId, r.Amount)));
        Assert.Equal([6L, 7L], plan.Rejections.Select(r => r.LineNumber));
        Assert.All(plan.Rejections, r => Assert.Equal(RejectionReason.CancellationOriginalOrderUnknown, r.Reason));
    }

    [Fact]
    public void Cancellation_BeforeOrAtTheOrderTime_DoesNotMatchIt()
    {
        var plan = CsvText.Read(CsvText.Lines(
            "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
            "C536364,85123A,HEART,-1,2010-12-01 08:26:00,2.55,17850.0,United Kingdom"));

        Assert.Empty(plan.Refunds);
        Assert.Equal(RejectionReason.CancellationOriginalOrderUnknown, Assert.Single(plan.Rejections).Reason);
    }

    [Fact]
    public void Cancellation_OriginalInvoiceColumn_NamesTheOrder()
    {
        const string csv = "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,OriginalInvoiceNo\n" +
            "536365,85123A,6,2010-12-01 08:26:00,2.55,17850,\n" +
            "536370,85123A,4,2010-12-03 09:00:00,2.55,17850,\n" +
            "C536379,85123A,-2,2010-12-05 10:00:00,2.55,17850,536365\n" +
            "C536380,85123A,-2,2010-12-05 10:00:00,2.55,17850,536999\n";

        var plan = CsvText.Read(csv);

        Assert.Equal("536365", Assert.Single(plan.Refunds).OrderId);
        Assert.Contains("536999", Assert.Single(plan.Rejections).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CancellationPolicyReject_RejectsEveryCancellationLine()
    {
        var plan = CsvText.Read(
            CsvText.Lines(
                "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom",
                "C536379,85123A,HEART,-2,2010-12-05 10:00:00,2.55,17850.0,United Kingdom"),
            new ImportSettings { Cancellations = CancellationPolicy.Reject });

        Assert.Empty(plan.Refunds);
        Assert.Single(plan.Orders);
        Assert.Equal(RejectionReason.CancellationNotImported, Assert.Single(plan.Rejections).Reason);
    }

    [Fact]
    public void InvoiceSummaryCancellation_NeedsTheOriginalInvoiceColumn()
    {
        const string withoutOriginal = "InvoiceNo,InvoiceDate,CustomerID,Revenue\n" +
            "536365,12/1/2010 8:26,17850,139.12\n" +
            "C536379,12/5/2010 9:41,17850,-27.50\n";
        const string withOriginal = "InvoiceNo,InvoiceDate,CustomerID,Revenue,OriginalInvoiceNo\n" +
            "536365,12/1/2010 8:26,17850,139.12,\n" +
            "C536379,12/5/2010 9:41,17850,27.50,536365\n";

        var rejected = CsvText.Read(withoutOriginal);
        var refunded = CsvText.Read(withOriginal);

        Assert.Empty(rejected.Refunds);
        Assert.Equal(RejectionReason.CancellationOriginalOrderUnknown, Assert.Single(rejected.Rejections).Reason);
        var refund = Assert.Single(refunded.Refunds);
        Assert.Equal(("536365", 27.5m), (refund.OrderId, refund.Amount));
    }
}
