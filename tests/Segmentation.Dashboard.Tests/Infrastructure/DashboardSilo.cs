using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Segmentation.Delivery.Dispatch;
using Segmentation.Silo.Hosting;
using Segmentation.TestKit;
using RuntimeSilo = Segmentation.Runtime.Hosting.Silo;

namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real silo application (<see cref="SiloApplication"/>, as the silo process builds it) in this process, on a
/// free loopback port of Kestrel so that a browser can reach it, in the Development environment (its documented
/// accounts and keys), with its own data directory. Live figures every half second and RFM scores every second keep
/// the browser tests' waits short. Given an ESP endpoint, its dispatcher posts there with two attempts per send and
/// backoffs of a fraction of a second, so that a failing endpoint dead-letters a send at once; the send log tests
/// append sends for customers without profiles, so the dispatcher allows every send (the triggers' guard, which would
/// skip them, is tested with the triggers).
/// </summary>
public sealed class DashboardSilo : IAsyncDisposable
{
    /// <summary>The webhook signing secret of the tests: whsec_ + base64 of 32 bytes.</summary>
    public const string SigningSecret = "whsec_Y4lqNKFNv9okLA85QiCk86ICB8awP3fL0rpxoPWoMQs=";

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

    /// <summary>
    /// Starts the silo; <paramref name="configure"/> may add services after the silo's own; sends are posted to
    /// <paramref name="espEndpoint"/> (none: they wait in the outbox).
    /// </summary>
    public static async Task<DashboardSilo> StartAsync(Action<WebApplicationBuilder>? configure = null, Uri? espEndpoint = null)
    {
        var directory = new TempDirectory();
        var logs = new LogCapture();
        string[] delivery = espEndpoint is null
            ? []
            :
            [
                $"--Segmentation:Delivery:EndpointUrl={espEndpoint}",
                $"--Segmentation:Delivery:SigningSecret={SigningSecret}",
                "--Segmentation:Delivery:MaxAttempts=2",
                "--Segmentation:Delivery:RetryDelay=00:00:00.05",
                "--Segmentation:Delivery:MaxRetryDelay=00:00:00.2",
                "--Segmentation:Delivery:PollInterval=00:00:00.2",
            ];
        var app = SiloApplication.Build(
            [
                "--environment=Development",
                "--urls=http://127.0.0.1:0",
                $"--Segmentation:DataDirectory={Path.Combine(directory.Path, "data")}",
                "--Segmentation:Dashboard:LiveUpdateInterval=00:00:00.5",
                "--Segmentation:Profiles:RfmRefreshInterval=00:00:01",
                "--hostBuilder:reloadConfigOnChange=false",
                .. delivery,
            ],
            builder =>
            {
                builder.Logging.AddProvider(logs);
                if (espEndpoint is not null)
                {
                    builder.Services.RemoveAll<ISendGuard>();
                    builder.Services.AddSingleton<ISendGuard, AllowAllSendGuard>();
                }

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
