using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>
/// Runs the scripts of the test project's <c>sdk/</c> folder with Node.js: the real Segment and RudderStack SDKs
/// (installed there by <c>npm ci</c>, which <c>scripts/install-test-dependencies.sh</c> runs). A missing Node.js or
/// missing packages fail the test with what to run, never skip it.
/// </summary>
internal static class NodeSdk
{
    private const string FolderName = "sdk";
    private const string InstallHint = "Run scripts/install-test-dependencies.sh (it installs nodejs and npm from Debian and runs npm ci in tests/Segmentation.Silo.Tests/sdk).";

    /// <summary>Runs <c>node script baseUrl writeKey userId</c>; returns the exit code and both output streams.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string script, Uri baseUrl, string writeKey, string userId, CancellationToken cancellationToken)
    {
        var folder = LocateFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException($"The SDK packages are not installed in {folder}. {InstallHint}");
        }

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(baseUrl.GetLeftPart(UriPartial.Authority));
        startInfo.ArgumentList.Add(writeKey);
        startInfo.ArgumentList.Add(userId);

        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Node.js ('node') could not be started: {exception.Message}. {InstallHint}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not exit before the hang guard fired.{Environment.NewLine}{Read(output)}");
        }

        // The parameterless wait also waits for the redirected streams to be read to the end.
        await process.WaitForExitAsync(CancellationToken.None);
        return (process.ExitCode, Read(output));
    }

    /// <summary>The <c>sdk/</c> folder of the test project, found upwards from the test binaries.</summary>
    private static string LocateFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidates = new[]
            {
                Path.Combine(directory.FullName, FolderName),
                Path.Combine(directory.FullName, "tests", "Segmentation.Silo.Tests", FolderName),
            };
            foreach (var candidate in candidates)
            {
                if (File.Exists(Path.Combine(candidate, "package.json")) && File.Exists(Path.Combine(candidate, "segment.js")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException($"No '{FolderName}' folder with package.json above {AppContext.BaseDirectory}.");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
