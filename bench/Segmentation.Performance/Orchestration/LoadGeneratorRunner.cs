using System.Text.Json;
using Segmentation.LoadGenerator;
using Segmentation.LoadGenerator.Reporting;

namespace Segmentation.Performance.Orchestration;

/// <summary>Runs the load generator as its own process for one <see cref="LoadStep"/> and reads its JSON report.</summary>
internal sealed class LoadGeneratorRunner(string executable, string logDirectory)
{
    /// <summary>Starts the step; the task ends with its report.</summary>
    public async Task<LoadReport> RunAsync(LoadStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var log = Path.Combine(logDirectory, Path.GetFileNameWithoutExtension(step.ReportPath) + ".log");
        await using var process = ChildProcess.Start(executable, step.Arguments(), new Dictionary<string, string>(), logDirectory, log);
        var exitCode = await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (!File.Exists(step.ReportPath))
        {
            throw new InvalidOperationException($"The load generator exited with code {exitCode} without a report; see {log}.");
        }

        return await ReadReportAsync(step.ReportPath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a report the load generator wrote with <c>--report</c>.</summary>
    public static async Task<LoadReport> ReadReportAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(stream, LoadReportJsonContext.Default.LoadReport, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"'{path}' holds no load report.");
    }
}
