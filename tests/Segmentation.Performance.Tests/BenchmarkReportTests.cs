using System.Text.Json;
using Segmentation.Performance.Orchestration;
using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Tests;

public sealed class BenchmarkReportTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compose_BothSides_GivesTheRatiosOfThroughputAndFreshness()
    {
        var report = Compose(ReportSamples.Baseline(sustained: 2_000, freshnessP99: 60_000));

        Assert.Equal(20, report.ThroughputRatio);
        Assert.Equal(750, report.FreshnessRatio);
        Assert.Equal(4, report.Targets.Count);
    }

    [Fact]
    public void Compose_BaselineKeptUpAtNoStep_HasNoThroughputRatio()
    {
        var report = Compose(ReportSamples.Baseline(sustained: 0));

        Assert.Null(report.ThroughputRatio);
        Assert.NotNull(report.FreshnessRatio);
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryFigure()
    {
        var report = Compose(ReportSamples.Baseline());

        var json = JsonSerializer.Serialize(report, BenchmarkReportJsonContext.Default.BenchmarkReport);
        var read = JsonSerializer.Deserialize(json, BenchmarkReportJsonContext.Default.BenchmarkReport)!;

        Assert.Contains("\"sustainedEventsPerSecond\": 40000", json, StringComparison.Ordinal);
        Assert.Contains("\"loadAverage\": [", json, StringComparison.Ordinal);
        Assert.Equal(report.Silo.Recovery, read.Silo.Recovery);
        Assert.Equal(report.Baseline!.Freshness, read.Baseline!.Freshness);
        Assert.Equal(report.Targets, read.Targets);
    }

    [Fact]
    public void Table_ShowsBothSidesTheRatiosTheTargetsAndTheSteps()
    {
        var text = Render(Compose(ReportSamples.Baseline(sustained: 2_000, freshnessP99: 60_000)));

        Assert.Contains("2 cores, 23 GiB, load average 1.5/1.2/0.9 at start", text, StringComparison.Ordinal);
        Assert.Contains("│ Sustained events/s, durable acknowledgement", text, StringComparison.Ordinal);
        Assert.Contains("40,000", text, StringComparison.Ordinal);
        Assert.Contains("20.0x", text, StringComparison.Ordinal);
        Assert.Contains("20.0 / 80.0 ms", text, StringComparison.Ordinal);
        Assert.Contains("31,000.0 / 60,000.0 ms (refresh every 60 s)", text, StringComparison.Ordinal);
        Assert.Contains("750x fresher", text, StringComparison.Ordinal);
        Assert.Contains("3 / 45 ms (90 ms) over 1,200 firings", text, StringComparison.Ordinal);
        Assert.Contains("3.20 s; 20,000 acknowledged, 0 lost", text, StringComparison.Ordinal);
        Assert.Contains("MISSED: 40 % of the target", text, StringComparison.Ordinal);
        Assert.Contains("Baseline steps", text, StringComparison.Ordinal);
    }

    private static BenchmarkReport Compose(BaselineResults baseline) =>
        BenchmarkRun.Compose(Started, TimeSpan.FromMinutes(30), ReportSamples.Machine, BenchmarkSettings.Standard, ReportSamples.Silo(), baseline);

    private static string Render(BenchmarkReport report)
    {
        using var writer = new StringWriter();
        BenchmarkReportTable.Write(report, writer, width: 200);
        return writer.ToString();
    }
}
