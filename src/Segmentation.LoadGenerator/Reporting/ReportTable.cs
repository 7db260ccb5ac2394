using System.Globalization;
using Segmentation.LoadGenerator.Measurement;
using Spectre.Console;
using static System.FormattableString;

namespace Segmentation.LoadGenerator.Reporting;

/// <summary>Renders a <see cref="LoadReport"/> as readable tables.</summary>
public static class ReportTable
{
    /// <summary>The summary table of <paramref name="report"/>.</summary>
    public static Table Build(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded).Title($"Load run {report.RunId}")
            .AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        var e = report.Events;
        var r = report.Requests;
        Row(table, "Target", report.Target);
        Row(table, "Elapsed", Invariant($"{report.ElapsedSeconds:0.0} s{(report.Stopped ? " (stopped)" : string.Empty)}"));
        Row(table, "Offered rate", Invariant($"{report.Throughput.OfferedEventsPerSecond:N0} events/s"));
        Row(table, "Acknowledged rate", Invariant($"{report.Throughput.AcknowledgedEventsPerSecond:N0} events/s ({report.Throughput.AcknowledgedRequestsPerSecond:N0} requests/s)"));
        Row(table, "Events scheduled / sent", Invariant($"{e.Scheduled:N0} / {e.Sent:N0}"));
        Row(table, "Events acknowledged", Invariant($"{e.Acknowledged:N0}"));
        Row(table, "Events failed / abandoned / unsent", Invariant($"{e.Failed:N0} / {e.Abandoned:N0} / {e.Unsent:N0}"));
        Row(table, "Requests (attempts)", Invariant($"{r.Batches:N0} ({r.Attempts:N0}), max {r.MaxInFlight} in flight"));
        Row(table, "429 answers / retries", Invariant($"{r.Throttled:N0} / {r.Retries:N0}"));
        Row(table, "Errors", r.ErrorsByKey.Count == 0 ? "none" : string.Join(", ", r.ErrorsByKey.Select(p => Invariant($"{p.Key}: {p.Value:N0}"))));
        Row(table, "Late batches (max lag)", Invariant($"{r.LateBatches:N0} ({r.MaxScheduleLagMs:N1} ms)"));
        Latency(table, "Ack latency", report.AckLatency);
        Latency(table, "Latency from schedule", report.LatencyFromSchedule);
        return table;
    }

    private static void Latency(Table table, string name, LatencySummary s) =>
        Row(table, name + " (ms)", string.Create(
            CultureInfo.InvariantCulture,
            $"p50 {s.P50Ms:0.###}  p90 {s.P90Ms:0.###}  p99 {s.P99Ms:0.###}  p99.9 {s.P999Ms:0.###}  max {s.MaxMs:0.###}"));

    private static void Row(Table table, string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
}
