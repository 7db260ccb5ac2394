using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Grains.Customers;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Management;

/// <summary>
/// The silo in memory with three management keys (one active, one revoked, the development one overridden) and a
/// fake clock standing at <see cref="ApiTestSilo.Now"/>; events go in through <see cref="CustomerDirectory"/>. Ready
/// before the first request.
/// </summary>
public sealed class ManagementTestSilo : ApiTestSilo
{
    public const string RevokedKey = "management-tests-revoked-0002-abcdefghijkl";

    private ManagementTestSilo(SiloApplicationFactory factory, FakeTimeProvider clock, LogCapture logs)
        : base(factory, clock)
    {
        Logs = logs;
    }

    /// <summary>Every message the silo logged.</summary>
    public LogCapture Logs { get; }

    public CustomerDirectory Customers => Factory.Services.GetRequiredService<CustomerDirectory>();

    public static Task<ManagementTestSilo> StartAsync(CancellationToken cancellationToken)
    {
        var logs = new LogCapture();
        var clock = new FakeTimeProvider(Now);
        var factory = CreateFactory(clock)
            .WithSetting("Segmentation:Management:ApiKeys:1:Name", "retired-dashboard")
            .WithSetting("Segmentation:Management:ApiKeys:1:Key", RevokedKey)
            .WithSetting("Segmentation:Management:ApiKeys:1:Revoked", "true")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        return ReadyAsync(new ManagementTestSilo(factory, clock, logs), cancellationToken);
    }

    /// <summary>Appends tracking calls durably and waits until they and everything they caused (merges) are applied.</summary>
    public async Task AppendAsync(CancellationToken cancellationToken, params TrackingMessage[] messages)
    {
        await Customers.AppendAsync(messages, cancellationToken);
        await WhenIdleAsync(cancellationToken);
    }
}
