using System.Diagnostics;
using System.Text;

namespace Segmentation.Performance.Orchestration;

/// <summary>Runs a short command to its end and captures what it printed (for PostgreSQL's tools).</summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/>; throws with its output when it exits non-zero.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"'{fileName}' could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder().Append(await output.ConfigureAwait(false)).Append(await error.ConfigureAwait(false)).ToString();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', startInfo.ArgumentList)}' exited with code {process.ExitCode}: {text.Trim()}");
        }

        return text;
    }
}
