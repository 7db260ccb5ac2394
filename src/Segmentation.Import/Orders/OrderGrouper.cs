using Segmentation.Import.Csv;

namespace Segmentation.Import.Orders;

/// <summary>
/// Groups accepted rows into orders and refunds, whatever order the rows come in.
/// <list type="bullet">
/// <item>An invoice without the cancellation prefix becomes one order: revenue is the sum of its lines' amounts,
/// its time the earliest of its lines' dates. Its lines must all name the same customer, else every line is
/// rejected (<see cref="RejectionReason.ConflictingCustomerIds"/>).</item>
/// <item>A cancellation invoice's lines are matched to original orders (<see cref="CancellationMatcher"/>) at the
/// cancellation's earliest date; the lines matched to one order become one refund of the sum of their absolute
/// amounts. Unmatched lines are rejected (<see cref="RejectionReason.CancellationOriginalOrderUnknown"/>).</item>
/// </list>
/// </summary>
public sealed class OrderGrouper
{
    private readonly ImportSettings _settings;
    private readonly Dictionary<string, List<OrderLine>> _invoices = new(StringComparer.Ordinal);

    public OrderGrouper(ImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    public void Add(OrderLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!_invoices.TryGetValue(line.Invoice, out var lines))
        {
            lines = [];
            _invoices.Add(line.Invoice, lines);
        }

        lines.Add(line);
    }

    /// <summary>Builds the plan from the rows added so far.</summary>
    /// <param name="format">The format the rows were read as.</param>
    /// <param name="rowsRead">All data rows read, rejected ones included.</param>
    /// <param name="rowRejections">The rows rejected while parsing.</param>
    public ImportPlan Build(CsvFormat format, long rowsRead, IEnumerable<RowRejection> rowRejections)
    {
        ArgumentNullException.ThrowIfNull(rowRejections);
        var rejections = rowRejections.ToList();
        var orders = new List<ImportedOrder>();
        var cancellations = new List<List<OrderLine>>();
        foreach (var lines in _invoices.Values)
        {
            lines.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
            if (lines.Any(line => line.CustomerId != lines[0].CustomerId))
            {
                rejections.AddRange(lines.Select(line => Rejection(line, RejectionReason.ConflictingCustomerIds, null)));
            }
            else if (lines[0].IsCancellation)
            {
                cancellations.Add(lines);
            }
            else
            {
                orders.Add(new ImportedOrder(
                    lines[0].Invoice,
                    lines[0].CustomerId,
                    lines.Min(line => line.PlacedAt),
                    lines.Sum(line => line.Amount),
                    lines.Select(line => line.Country).FirstOrDefault(country => country is not null),
                    lines));
            }
        }

        var refunds = new List<ImportedRefund>();
        if (_settings.Cancellations == CancellationPolicy.Reject)
        {
            rejections.AddRange(cancellations.SelectMany(lines => lines)
                .Select(line => Rejection(line, RejectionReason.CancellationNotImported, null)));
        }
        else
        {
            var matcher = new CancellationMatcher(orders);
            foreach (var lines in cancellations)
            {
                refunds.AddRange(MatchCancellation(lines, matcher, rejections));
            }
        }

        orders.Sort((a, b) => Compare(a.PlacedAt, a.OrderId, b.PlacedAt, b.OrderId));
        refunds.Sort((a, b) => Compare(a.RefundedAt, a.CancellationId + " " + a.OrderId, b.RefundedAt, b.CancellationId + " " + b.OrderId));
        rejections.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        return new ImportPlan(format, rowsRead, orders, refunds, rejections);
    }

    private static IEnumerable<ImportedRefund> MatchCancellation(
        List<OrderLine> lines, CancellationMatcher matcher, List<RowRejection> rejections)
    {
        var cancelledAt = lines.Min(line => line.PlacedAt);
        var byOrder = new Dictionary<string, (ImportedOrder Order, List<OrderLine> Lines)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (matcher.Find(line, cancelledAt, out var problem) is not { } order)
            {
                rejections.Add(Rejection(line, RejectionReason.CancellationOriginalOrderUnknown, problem));
                continue;
            }

            if (!byOrder.TryGetValue(order.OrderId, out var matched))
            {
                matched = (order, []);
                byOrder.Add(order.OrderId, matched);
            }

            matched.Lines.Add(line);
        }

        return byOrder.Values.Select(matched => new ImportedRefund(
            lines[0].Invoice,
            matched.Order.OrderId,
            matched.Order.CustomerId,
            cancelledAt,
            matched.Lines.Sum(line => Math.Abs(line.Amount)),
            matched.Lines));
    }

    private static RowRejection Rejection(OrderLine line, RejectionReason reason, string? detail) =>
        new(line.LineNumber, reason, detail, line.Invoice, line.CustomerId, line.StockCode);

    private static int Compare(DateTimeOffset aTime, string aId, DateTimeOffset bTime, string bId)
    {
        var byTime = aTime.CompareTo(bTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(aId, bId);
    }
}
