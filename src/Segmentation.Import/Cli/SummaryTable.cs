using System.Globalization;
using Segmentation.Import.Orders;
using Spectre.Console;

namespace Segmentation.Import.Cli;

/// <summary>The final summary of an import: counts only, never names, emails or other row contents.</summary>
internal static class SummaryTable
{
    public static Table Build(ImportReport report)
    {
        var plan = report.Plan;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Import").AddColumn(new TableColumn("Count").RightAligned());
        Row(table, "Rows read", plan.RowsRead);
        Row(table, "Rows rejected", plan.Rejections.Count);
        foreach (var (reason, count) in plan.RejectedByReason)
        {
            Row(table, $"  {reason.ToCode()}: {reason.Describe()}", count, dim: true);
        }

        Row(table, "Orders converted", plan.Orders.Count);
        Row(table, "Refunds converted", plan.Refunds.Count);
        if (report.EventsWithProductsOmitted > 0)
        {
            Row(table, "Events with products[] shortened to fit 32 KB", report.EventsWithProductsOmitted, dim: true);
        }

        Row(table, "Events to send", report.Events.Count);
        if (report.Send is { } send)
        {
            Row(table, "Events sent", send.Sent);
            Row(table, "Failed sends", send.Failed);
            foreach (var (reason, count) in send.FailuresByReason.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Row(table, "  " + reason, count, dim: true);
            }

            var bound = report.HasUnattributedFailures ? " (at most)" : string.Empty;
            Row(table, "Orders imported" + bound, report.OrdersImported);
            Row(table, "Refunds imported" + bound, report.RefundsImported);
        }
        else
        {
            table.AddRow(new Text("Events sent"), new Text("dry run", new Style(decoration: Decoration.Italic)));
        }

        var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
        table.AddRow(
            new Text("Time"),
            new Text(string.Create(CultureInfo.InvariantCulture, $"{report.Elapsed.TotalSeconds:N1} s ({plan.RowsRead / seconds:N0} rows/s)")));
        return table;
    }

    private static void Row(Table table, string label, long count, bool dim = false)
    {
        var style = dim ? new Style(Color.Grey) : Style.Plain;
        table.AddRow(new Text(label, style), new Text(count.ToString("N0", CultureInfo.InvariantCulture), style));
    }
}
