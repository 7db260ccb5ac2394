using Spectre.Console;
using Spectre.Console.Rendering;
using static System.FormattableString;

namespace Segmentation.Performance.Reporting;

/// <summary>Renders a <see cref="BenchmarkReport"/> as readable tables: silo against baseline, the targets, the steps.</summary>
public static class BenchmarkReportTable
{
    private const string None = "-";

    /// <summary>Writes the tables to <paramref name="output"/> as plain text (no colours, no terminal codes), <paramref name="width"/> wide.</summary>
    public static void Write(BenchmarkReport report, TextWriter output, int width = 160)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(Build(report));
    }

    /// <summary>The comparison, the targets and both staircases.</summary>
    public static IRenderable Build(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Rows(Comparison(report), Targets(report.Targets), Steps("Silo steps", report.Silo.Throughput),
            report.Baseline is { } baseline ? Steps("Baseline steps", baseline.Throughput) : new Text(string.Empty));
    }

    private static Table Comparison(BenchmarkReport report)
    {
        var machine = report.Machine;
        var load = report.LoadAverageAtEnd.Count == 3 ? Invariant($", load average {LoadAverage(machine.LoadAverage)} at start, {LoadAverage(report.LoadAverageAtEnd)} at end") : string.Empty;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(Invariant($"Segmentation benchmark: {machine.Cores} cores, {machine.MemoryGiB:N0} GiB{load}")))
            .AddColumn("Measure").AddColumn(new TableColumn("Silo").RightAligned())
            .AddColumn(new TableColumn("PostgreSQL baseline").RightAligned()).AddColumn(new TableColumn("Ratio").RightAligned());
        var silo = report.Silo;
        var baseline = report.Baseline;
        Row(table, "Sustained events/s, durable acknowledgement", Rate(silo.Throughput), baseline is null ? None : Rate(baseline.Throughput),
            report.ThroughputRatio is { } t ? Invariant($"{t:N1}x") : None);
        Row(table, "Acknowledgement p50 / p99 at that rate", Latency(silo.Throughput), baseline is null ? None : Latency(baseline.Throughput), None);
        Row(table, "Segment freshness p50 / p99 (event to count)", Freshness(silo.Freshness),
            baseline is null ? None : Freshness(baseline.Freshness) + Invariant($" (refresh every {baseline.RefreshIntervalSeconds:N0} s)"),
            report.FreshnessRatio is { } f ? Invariant($"{f:N0}x fresher") : None);
        var r = silo.ReminderLateness;
        Row(table, "Reminder lateness p50 / p99 (max)", Invariant($"{r.P50Ms:N0} / {r.P99Ms:N0} ms ({r.MaxMs:N0} ms) over {r.Firings:N0} firings"), None, None);
        var m = silo.Memory;
        Row(table, "Memory per 100 k resident customers", Invariant($"{m.BytesPer100kResident / (1024 * 1024):N0} MiB resident, {m.HeapBytesPer100kResident / (1024 * 1024):N0} MiB heap ({m.ResidentActivations:N0} resident, {m.WorkingSetBytes / (1024.0 * 1024 * 1024):N1} GiB in all)"), None, None);
        var recovery = silo.Recovery;
        Row(table, Invariant($"Ready after kill -9 ({recovery.Customers:N0} customers)"),
            Invariant($"{recovery.ReadySeconds:N2} s; {recovery.LedgerAcknowledged:N0} acknowledged, {recovery.LedgerMissing:N0} lost"), None, None);
        var backfill = silo.Backfill;
        Row(table, Invariant($"Backfill of a new segment ({backfill.Customers:N0} customers)"), Invariant($"{backfill.Seconds:N1} s"), None, None);
        var population = silo.Population;
        Row(table, "Population brought in", Invariant($"{population.Customers:N0} customers, {population.Events:N0} events in {population.Seconds:N0} s"), None, None);
        return table;
    }

    private static Table Targets(IReadOnlyList<TargetVerdict> targets)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Targets")
            .AddColumn("Target").AddColumn("Required").AddColumn("Measured").AddColumn("Verdict");
        foreach (var target in targets)
        {
            var verdict = target.Met switch
            {
                true => "met",
                false => "MISSED",
                null => "not shown",
            };
            table.AddRow(Markup.Escape(target.Target), Markup.Escape(target.Required), Markup.Escape(target.Measured),
                Markup.Escape(target.Note is null ? verdict : $"{verdict}: {target.Note}"));
        }

        return table;
    }

    private static Table Steps(string title, ThroughputResult throughput)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title)
            .AddColumn(new TableColumn("Offered/s").RightAligned()).AddColumn(new TableColumn("Acknowledged/s").RightAligned())
            .AddColumn(new TableColumn("Ack p50 / p99 ms").RightAligned()).AddColumn(new TableColumn("Lost").RightAligned())
            .AddColumn(new TableColumn("429s").RightAligned()).AddColumn("Verdict");
        foreach (var step in throughput.Steps)
        {
            table.AddRow(
                Invariant($"{step.OfferedEventsPerSecond:N0}"),
                Invariant($"{step.AcknowledgedEventsPerSecond:N0}"),
                Invariant($"{step.AckP50Ms:N0} / {step.AckP99Ms:N0}"),
                Invariant($"{step.Lost:N0}"),
                Invariant($"{step.Throttled:N0}"),
                Markup.Escape(step.Verdict));
        }

        return table;
    }

    private static string Rate(ThroughputResult throughput) =>
        throughput.SustainedEventsPerSecond > 0 ? Invariant($"{throughput.SustainedEventsPerSecond:N0}") : "kept up at no step";

    private static string Latency(ThroughputResult throughput) =>
        throughput.SustainedEventsPerSecond > 0 ? Invariant($"{throughput.AckP50Ms:N0} / {throughput.AckP99Ms:N0} ms") : None;

    private static string Freshness(FreshnessResult freshness) =>
        freshness.Probes == 0 ? "no probe counted" : Invariant($"{freshness.P50Ms:N1} / {freshness.P99Ms:N1} ms");

    private static string LoadAverage(IReadOnlyList<double> load) => load.Count == 3 ? Invariant($"{load[0]:N1}/{load[1]:N1}/{load[2]:N1}") : "n/a";

    private static void Row(Table table, string measure, string silo, string baseline, string ratio) =>
        table.AddRow(Markup.Escape(measure), Markup.Escape(silo), Markup.Escape(baseline), Markup.Escape(ratio));
}
