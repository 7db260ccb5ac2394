using System.Diagnostics;
using System.Globalization;
using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Orchestration;

/// <summary>The whole run: the silo's side, then the baseline's, the ratios and the targets.</summary>
internal static class BenchmarkRun
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings, BuiltTools tools, TextWriter output, CancellationToken cancellationToken)
    {
        var machine = MachineInfo.Current();
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(settings.OutputDirectory);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var log = new RunLog(output);
        var prefix = "bench-" + startedAt.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var run = new RunContext(settings, tools, prefix, http, new LoadGeneratorRunner(tools.LoadGenerator, Path.GetFullPath(settings.OutputDirectory)), log);
        log.Line($"{machine.Cores} cores, {machine.MemoryGiB:N0} GiB, load average {string.Join(" ", machine.LoadAverage)}; output in {settings.OutputDirectory}");

        var silo = await new SiloBenchmark(run).RunAsync(cancellationToken).ConfigureAwait(false);
        var baseline = settings.Baseline ? await new BaselineBenchmark(run).RunAsync(cancellationToken).ConfigureAwait(false) : null;
        return Compose(startedAt, stopwatch.Elapsed, machine, settings, silo, baseline);
    }

    /// <summary>The report of a run: ratios where both sides measured, and the verdict on every target.</summary>
    public static BenchmarkReport Compose(
        DateTimeOffset startedAt, TimeSpan elapsed, MachineInfo machine, BenchmarkSettings settings, SiloResults silo, BaselineResults? baseline)
    {
        ArgumentNullException.ThrowIfNull(silo);
        double? throughputRatio = baseline is { Throughput.SustainedEventsPerSecond: > 0 } && silo.Throughput.SustainedEventsPerSecond > 0
            ? silo.Throughput.SustainedEventsPerSecond / baseline.Throughput.SustainedEventsPerSecond
            : null;
        double? freshnessRatio = baseline is { Freshness.Probes: > 0 } && silo.Freshness is { Probes: > 0, P99Ms: > 0 }
            ? baseline.Freshness.P99Ms / silo.Freshness.P99Ms
            : null;
        return new BenchmarkReport(
            startedAt, elapsed.TotalSeconds, machine, MachineInfo.ReadLoadAverage(), settings.ToReport(), silo, baseline,
            throughputRatio, freshnessRatio, ProductTargets.Evaluate(silo, baseline));
    }
}
