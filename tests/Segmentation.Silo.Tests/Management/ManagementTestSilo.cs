using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Grains.Customers;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.TestKit;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Management;

/// <summary>
/// The silo in memory with three management keys (one active, one revoked, the development one overridden) and a
/// fake clock standing at <see cref="Now"/>; events go in through <see cref="CustomerDirectory"/>. Ready before the
/// first request.
/// </summary>
public sealed class ManagementTestSilo : IAsyncDisposable
{
    public const string Key = "management-tests-key-0001-abcdefghijklmnop";
    public const string RevokedKey = "management-tests-revoked-0002-abcdefghijkl";
    public const string KeyName = "management-tests";

    /// <summary>The fake clock's time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private ManagementTestSilo(SiloApplicationFactory factory, HttpClient client, LogCapture logs)
    {
        Factory = factory;
        Client = client;
        Logs = logs;
    }

    public SiloApplicationFactory Factory { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Client { get; }

    /// <summary>Every message the silo logged.</summary>
    public LogCapture Logs { get; }

    public CustomerDirectory Customers => Factory.Services.GetRequiredService<CustomerDirectory>();

    public static async Task<ManagementTestSilo> StartAsync(CancellationToken cancellationToken)
    {
        var logs = new LogCapture();
        var factory = new SiloApplicationFactory()
            .WithSetting("Segmentation:Management:ApiKeys:0:Name", KeyName)
            .WithSetting("Segmentation:Management:ApiKeys:0:Key", Key)
            .WithSetting("Segmentation:Management:ApiKeys:0:Revoked", "false")
            .WithSetting("Segmentation:Management:ApiKeys:1:Name", "retired-dashboard")
            .WithSetting("Segmentation:Management:ApiKeys:1:Key", RevokedKey)
            .WithSetting("Segmentation:Management:ApiKeys:1:Revoked", "true")
            .WithServices(services =>
            {
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
                services.AddSingleton<ILoggerProvider>(logs);
            });
        var client = factory.CreateClient();
        await factory.Silo.WhenReadyAsync().WaitAsync(cancellationToken);
        return new ManagementTestSilo(factory, client, logs);
    }

    /// <summary>A GET with <c>Authorization: Bearer</c> of the active key (or of <paramref name="key"/>).</summary>
    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken, string? key = Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return Client.SendAsync(request, cancellationToken);
    }

    /// <summary>A GET with the active key, expecting 200, and its JSON body.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(path, cancellationToken);
        var body = await ManagementHttp.ReadJsonAsync(response, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Appends tracking calls durably and waits until they and everything they caused (merges) are applied.</summary>
    public async Task AppendAsync(CancellationToken cancellationToken, params TrackingMessage[] messages)
    {
        await Customers.AppendAsync(messages, cancellationToken);
        await Factory.Silo.WhenIdleAsync().WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
