using Segmentation.Import.Csv;

namespace Segmentation.Import.Orders;

/// <summary>What a CSV file converts to: orders, refunds and rejected rows. Nothing has been sent yet.</summary>
public sealed class ImportPlan
{
    public ImportPlan(
        CsvFormat format,
        long rowsRead,
        IReadOnlyList<ImportedOrder> orders,
        IReadOnlyList<ImportedRefund> refunds,
        IReadOnlyList<RowRejection> rejections)
    {
        Format = format;
        RowsRead = rowsRead;
        Orders = orders;
        Refunds = refunds;
        Rejections = rejections;
        RejectedByReason = rejections
            .GroupBy(rejection => rejection.Reason)
            .OrderBy(group => group.Key)
            .ToDictionary(group => group.Key, group => group.Count());
    }

    /// <summary>The format the file was read as.</summary>
    public CsvFormat Format { get; }

    /// <summary>Data rows read (the header not counted).</summary>
    public long RowsRead { get; }

    /// <summary>The orders, by placement time then order id.</summary>
    public IReadOnlyList<ImportedOrder> Orders { get; }

    /// <summary>The refunds, by time then cancellation and order id.</summary>
    public IReadOnlyList<ImportedRefund> Refunds { get; }

    /// <summary>The rejected rows, by line number.</summary>
    public IReadOnlyList<RowRejection> Rejections { get; }

    /// <summary>The number of rejected rows for each reason that occurred.</summary>
    public IReadOnlyDictionary<RejectionReason, int> RejectedByReason { get; }
}
