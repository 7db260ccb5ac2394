using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Customers;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.TestKit;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>
/// The silo in memory with two write keys (one active, one revoked) and a fake clock standing at <see cref="Now"/>,
/// so that receive times are exact. Ready before the first request.
/// </summary>
public sealed class TrackingTestSilo : IAsyncDisposable
{
    public const string WriteKey = "tracking-tests-write-key-0001";
    public const string RevokedWriteKey = "tracking-tests-revoked-key-0002";
    public const string SourceName = "tracking-tests";

    /// <summary>The fake clock's time: every request is received at this instant.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private TrackingTestSilo(SiloApplicationFactory factory, HttpClient client)
    {
        Factory = factory;
        Client = client;
    }

    public SiloApplicationFactory Factory { get; }

    public HttpClient Client { get; }

    public CustomerDirectory Customers => Factory.Services.GetRequiredService<CustomerDirectory>();

    /// <summary>Starts the silo with the test keys, extra settings and service overrides, and waits until it is ready.</summary>
    public static async Task<TrackingTestSilo> StartAsync(
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null,
        bool waitUntilReady = true)
    {
        var clock = new FakeTimeProvider(Now);
        var factory = new SiloApplicationFactory()
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Key", WriteKey)
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Name", SourceName)
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Revoked", "false")
            .WithSetting("Segmentation:Tracking:WriteKeys:1:Key", RevokedWriteKey)
            .WithSetting("Segmentation:Tracking:WriteKeys:1:Name", "retired-source")
            .WithSetting("Segmentation:Tracking:WriteKeys:1:Revoked", "true")
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            factory.WithSetting(key, value);
        }

        if (services is not null)
        {
            factory.WithServices(services);
        }

        var client = factory.CreateClient();
        if (waitUntilReady)
        {
            await factory.Silo.WhenReadyAsync().WaitAsync(cancellationToken);
        }

        return new TrackingTestSilo(factory, client);
    }

    /// <summary>
    /// The environment of a silo process with one write key and the management key of <see cref="ManagementApiReader"/>,
    /// without settings-file watchers.
    /// </summary>
    public static Dictionary<string, string?> ProcessEnvironment(string writeKey, string sourceName) => new()
    {
        ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        ["Segmentation__Tracking__WriteKeys__0__Key"] = writeKey,
        ["Segmentation__Tracking__WriteKeys__0__Name"] = sourceName,
        ["Segmentation__Management__ApiKeys__0__Key"] = ManagementApiReader.Key,
        ["Segmentation__Management__ApiKeys__0__Name"] = sourceName,
    };

    /// <summary>Posts JSON with the active write key as HTTP Basic user name.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, CancellationToken cancellationToken) =>
        SendAsync(TrackingHttp.Json(path, json, WriteKey), cancellationToken);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Client.SendAsync(request, cancellationToken);

    /// <summary>The customer as the silo sees it now (every durable call to it applied).</summary>
    public Task<CustomerLookup> GetCustomerAsync(string id, CancellationToken cancellationToken) =>
        Customers.GetAsync(id, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
