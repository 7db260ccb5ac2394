using System.Diagnostics;
using System.Net;
using System.Text;

namespace Segmentation.Silo.Tests.Infrastructure;

/// <summary>
/// The built silo running as a real process on a free loopback port, with its own data directory: for start-up,
/// graceful-stop and crash tests. Standard output and error are captured. Disposing kills it if it still runs.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    // Between two readiness probes; readiness itself is the 200 from /health/ready, never elapsed time.
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly Lock _outputGate = new();
    private readonly StringBuilder _standardOutput = new();
    private readonly StringBuilder _standardError = new();

    private SiloProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _http = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>Where the silo listens (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The value of <c>Segmentation__DataDirectory</c> given to the silo.</summary>
    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process has exited; wait with <see cref="WaitForExitAsync"/> first.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Everything the silo wrote to standard output so far (its logs).</summary>
    public string StandardOutput
    {
        get
        {
            lock (_outputGate)
            {
                return _standardOutput.ToString();
            }
        }
    }

    /// <summary>Everything the silo wrote to standard error so far (a refusal to start is one line here).</summary>
    public string StandardError
    {
        get
        {
            lock (_outputGate)
            {
                return _standardError.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the silo on <paramref name="dataDirectory"/> in the Production environment, with a working directory of the
    /// data directory's parent. <paramref name="environment"/> adds or overrides variables (a null value removes one);
    /// <paramref name="arguments"/> go after <c>--urls</c>.
    /// </summary>
    public static SiloProcess Start(
        string dataDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyList<string>? arguments = null)
    {
        var fullDataDirectory = Path.GetFullPath(dataDirectory);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var startInfo = new ProcessStartInfo(SiloBinary.ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(fullDataDirectory),
        };
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(baseAddress.GetLeftPart(UriPartial.Authority));
        foreach (var argument in arguments ?? [])
        {
            startInfo.ArgumentList.Add(argument);
        }

        ConfigureEnvironment(startInfo.Environment, fullDataDirectory, environment);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var silo = new SiloProcess(process, baseAddress, fullDataDirectory);
        process.OutputDataReceived += (_, e) => silo.Capture(silo._standardOutput, e.Data);
        process.ErrorDataReceived += (_, e) => silo.Capture(silo._standardError, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails at once if the process exits first.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    await WaitForExitAsync(cancellationToken);
                    throw new InvalidOperationException($"The silo exited with code {ExitCode} before it was ready.{Describe()}");
                }

                if (await IsReadyAsync(cancellationToken))
                {
                    return;
                }

                await Task.WhenAny(_process.WaitForExitAsync(cancellationToken), Task.Delay(ReadinessPollInterval, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The silo did not become ready before the hang guard fired.{Describe()}");
        }
    }

    /// <summary>Waits for the process to exit and its output to be read to the end; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The silo did not exit before the hang guard fired.{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM (what systemd, Docker and Kubernetes send) and waits for the exit; returns the exit code.</summary>
    public Task<int> StopGracefullyAsync(CancellationToken cancellationToken)
    {
        PosixSignals.Terminate(_process.Id);
        return WaitForExitAsync(cancellationToken);
    }

    /// <summary>Sends SIGKILL: the process dies at once, nothing is flushed or checkpointed (a crash).</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    /// <summary>Both output streams, for assertion messages.</summary>
    public string Describe() =>
        $"{Environment.NewLine}--- stdout ---{Environment.NewLine}{StandardOutput}--- stderr ---{Environment.NewLine}{StandardError}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }

    private static void ConfigureEnvironment(
        IDictionary<string, string?> variables, string dataDirectory, IReadOnlyDictionary<string, string?>? overrides)
    {
        // Nothing from the test run's own environment may pick the silo's settings.
        var inherited = variables.Keys.Where(static key =>
            key.StartsWith("Segmentation__", StringComparison.OrdinalIgnoreCase) ||
            key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
            key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var key in inherited)
        {
            variables.Remove(key);
        }

        variables["ASPNETCORE_ENVIRONMENT"] = "Production";
        variables["Segmentation__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                variables.Remove(key);
            }
            else
            {
                variables[key] = value;
            }
        }
    }

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("health/ready", cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            // Not listening yet: the next probe tells.
            return false;
        }
    }

    private void Capture(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            target.AppendLine(line);
        }
    }
}
