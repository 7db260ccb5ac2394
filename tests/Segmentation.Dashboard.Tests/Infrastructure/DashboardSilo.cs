using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Silo.Hosting;
using Segmentation.TestKit;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real silo application (<see cref="SiloApplication"/>, as the silo process builds it) in this process, on a
/// free loopback port of Kestrel so that a browser can reach it, in the Development environment (its documented
/// accounts and keys), with its own data directory. Live figures every half second and RFM scores every second keep
/// the browser tests' waits short.
/// </summary>
public sealed class DashboardSilo : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly WebApplication _app;

    private DashboardSilo(TempDirectory directory, WebApplication app, LogCapture logs)
    {
        _directory = directory;
        _app = app;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.Single());
    }

    /// <summary>Where the silo listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the silo logged.</summary>
    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the silo; <paramref name="configure"/> may add services after the silo's own.</summary>
    public static async Task<DashboardSilo> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var directory = new TempDirectory();
        var logs = new LogCapture();
        var app = SiloApplication.Build(
            [
                "--environment=Development",
                "--urls=http://127.0.0.1:0",
                $"--Segmentation:DataDirectory={Path.Combine(directory.Path, "data")}",
                "--Segmentation:Dashboard:LiveUpdateInterval=00:00:00.5",
                "--Segmentation:Profiles:RfmRefreshInterval=00:00:01",
                "--hostBuilder:reloadConfigOnChange=false",
            ],
            builder =>
            {
                builder.Logging.AddProvider(logs);
                configure?.Invoke(builder);
            });
        await app.StartAsync();
        await app.Services.GetRequiredService<RuntimeSilo>().WhenReadyAsync();
        return new DashboardSilo(directory, app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory.Dispose();
    }
}
