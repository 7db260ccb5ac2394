using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Segmentation.Performance.Baseline;
using Segmentation.Performance.Orchestration;
using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Cli;

/// <summary>
/// The command line: the root command runs the benchmark (silo and baseline) and writes the report; <c>baseline</c>
/// serves the baseline alone. Options not given take the preset's value (<c>--quick</c>, or the standard run).
/// </summary>
public static class PerformanceCli
{
    /// <summary>The report's file name in the output directory.</summary>
    public const string ReportFileName = "benchmark-report.json";

    /// <summary>Parses <paramref name="args"/> and runs; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var quick = new Option<bool>("--quick") { Description = "The few-minute preset: 20,000 customers, 10s steps, 30s steady, refresh every 10s." };
        var customers = new Option<int?>("--customers") { Description = "Customers in the silo for memory, kill -9 and backfill (1000000 for the full run)." };
        var step = DurationOption.Create("--step-duration", "How long each rate step lasts (standard 20s).");
        var steady = DurationOption.Create("--steady-duration", "The steady phase: probes, ledger, then kill -9 (standard 60s).");
        var startRate = new Option<double?>("--start-rate") { Description = "The first step's events/s (2000)." };
        var maxRate = new Option<double?>("--max-rate") { Description = "No step offers more events/s (400000)." };
        var refresh = DurationOption.Create("--refresh-interval", "How often the baseline recomputes its counts (standard 60s).");
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Leave the PostgreSQL baseline out." };
        var outputDirectory = new Option<string?>("--output") { Description = "Directory for the report, the step reports and the logs (artifacts/benchmark/<time>)." };
        var root = new RootCommand("Benchmarks a silo on a fresh data directory under the load generator, and the per-event SQL baseline on a throwaway PostgreSQL, with the same event stream.")
        {
            quick, customers, step, steady, startRate, maxRate, refresh, noBaseline, outputDirectory,
        };
        root.Subcommands.Add(BaselineCommand.Create(output, error));
        root.SetAction(async (parse, token) =>
        {
            var preset = parse.GetValue(quick) ? BenchmarkSettings.Quick : BenchmarkSettings.Standard;
            var settings = preset with
            {
                Customers = parse.GetValue(customers) ?? preset.Customers,
                StepDuration = parse.GetValue(step) ?? preset.StepDuration,
                SteadyDuration = parse.GetValue(steady) ?? preset.SteadyDuration,
                StartRate = parse.GetValue(startRate) ?? preset.StartRate,
                MaxRate = parse.GetValue(maxRate) ?? preset.MaxRate,
                RefreshInterval = parse.GetValue(refresh) ?? preset.RefreshInterval,
                Baseline = !parse.GetValue(noBaseline),
                OutputDirectory = parse.GetValue(outputDirectory)
                    ?? Path.Combine("artifacts", "benchmark", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)),
            };
            return await RunAsync(settings, BuiltTools.Locate(), output, error, token).ConfigureAwait(false);
        });
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the settings and what the run needs, runs it, writes the JSON report and prints the tables.</summary>
    internal static async Task<int> RunAsync(BenchmarkSettings settings, BuiltTools tools, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var problems = Problems(settings, tools);
        if (problems.Count > 0)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, problems)).ConfigureAwait(false);
            return ExitCodes.Refused;
        }

        BenchmarkReport report;
        try
        {
            report = await BenchmarkRun.RunAsync(settings, tools, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or HttpRequestException or IOException or DbException)
        {
            await error.WriteLineAsync($"The benchmark failed: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var path = Path.Combine(settings.OutputDirectory, ReportFileName);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, BenchmarkReportJsonContext.Default.BenchmarkReport), CancellationToken.None)
            .ConfigureAwait(false);
        BenchmarkReportTable.Write(report, output);
        await output.WriteLineAsync($"Report: {path}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Invalid settings, and what is missing for the run (tools not built, PostgreSQL not installed).</summary>
    internal static IReadOnlyList<string> Problems(BenchmarkSettings settings, BuiltTools tools)
    {
        var problems = new List<string>(settings.Validate());
        problems.AddRange(tools.Missing().Select(static path =>
            $"'{path}' is not built: build the solution in Release first (bash scripts/benchmark.sh does)."));
        if (settings.Baseline && PostgresCluster.FindBinDirectory() is null)
        {
            problems.Add("PostgreSQL is not installed: 'apt-get install -y postgresql' (bash scripts/benchmark.sh does), or run with --no-baseline.");
        }

        return problems;
    }
}
