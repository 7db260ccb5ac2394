using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Silo.Tests.Management;
using Segmentation.TestKit;

namespace Segmentation.Silo.Tests.Infrastructure;

/// <summary>
/// The silo in memory with a management key and a fake clock starting at <see cref="Now"/>, and requests to its HTTP
/// API. The feature test silos derive from it and add their own settings and helpers.
/// </summary>
public abstract class ApiTestSilo : IAsyncDisposable
{
    public const string Key = "api-tests-management-key-0001-abcdefghijklm";
    public const string KeyName = "api-tests";

    /// <summary>Where the tests' fake clocks start.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    protected ApiTestSilo(SiloApplicationFactory factory, FakeTimeProvider clock)
    {
        Factory = factory;
        Clock = clock;
        Client = factory.CreateClient();
    }

    public SiloApplicationFactory Factory { get; }

    /// <summary>The silo's clock, given to <see cref="CreateFactory"/>; tests advance it.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Client { get; }

    /// <summary>A request with the management key (or <paramref name="key"/>; none when null) and an optional JSON body.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, CancellationToken cancellationToken, string? json = null, string? key = Key)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request, cancellationToken);
    }

    /// <summary>A GET with the management key (or <paramref name="key"/>; none when null).</summary>
    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken, string? key = Key) =>
        SendAsync(HttpMethod.Get, path, cancellationToken, key: key);

    /// <summary>A request expecting <paramref name="status"/>, and its JSON body (default when empty).</summary>
    public async Task<JsonElement> ExpectAsync(
        HttpMethod method, string path, HttpStatusCode status, CancellationToken cancellationToken, string? json = null)
    {
        using var response = await SendAsync(method, path, cancellationToken, json);
        var body = await ManagementHttp.ReadJsonAsync(response, cancellationToken);
        Assert.True(response.StatusCode == status, $"{method} {path} answered {(int)response.StatusCode}, expected {(int)status}: {body}");
        return body;
    }

    /// <summary>A GET expecting 200, and its JSON body.</summary>
    public Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken) =>
        ExpectAsync(HttpMethod.Get, path, HttpStatusCode.OK, cancellationToken);

    /// <summary>Waits until every durable record sent so far, and everything it caused, is applied.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => Factory.Silo.WhenIdleAsync().WaitAsync(cancellationToken);

    public virtual async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A silo factory with the management key (as the first key) and <paramref name="clock"/> as its time.</summary>
    protected static SiloApplicationFactory CreateFactory(TimeProvider clock) => new SiloApplicationFactory()
        .WithSetting("Segmentation:Management:ApiKeys:0:Name", KeyName)
        .WithSetting("Segmentation:Management:ApiKeys:0:Key", Key)
        .WithSetting("Segmentation:Management:ApiKeys:0:Revoked", "false")
        .WithServices(services => services.AddSingleton(clock));

    /// <summary>Waits until the silo of <paramref name="silo"/> has recovered and is ready, then returns it.</summary>
    protected static async Task<TSilo> ReadyAsync<TSilo>(TSilo silo, CancellationToken cancellationToken)
        where TSilo : ApiTestSilo
    {
        await silo.Factory.Silo.WhenReadyAsync().WaitAsync(cancellationToken);
        return silo;
    }
}
