using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Grains.Segments;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Management;
using Segmentation.TestKit;

namespace Segmentation.Silo.Tests.Segments;

/// <summary>
/// The silo in memory with a management key and a write key, and a fake clock standing at <see cref="Now"/>.
/// Events go in over HTTP through <c>/v1/batch</c>; segments are read and written through <c>/api/segments</c>.
/// Ready before the first request.
/// </summary>
public sealed class SegmentTestSilo : IAsyncDisposable
{
    public const string Key = "segment-tests-management-key-0001-abcdefgh";
    public const string WriteKey = "segment-tests-write-key-0001";

    /// <summary>The fake clock's time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private SegmentTestSilo(SiloApplicationFactory factory, HttpClient client, FakeTimeProvider clock)
    {
        Factory = factory;
        Client = client;
        Clock = clock;
    }

    public SiloApplicationFactory Factory { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Client { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<SegmentTestSilo> StartAsync(CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Now);
        var factory = new SiloApplicationFactory()
            .WithSetting("Segmentation:Management:ApiKeys:0:Name", "segment-tests")
            .WithSetting("Segmentation:Management:ApiKeys:0:Key", Key)
            .WithSetting("Segmentation:Management:ApiKeys:0:Revoked", "false")
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Name", "segment-tests")
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Key", WriteKey)
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Revoked", "false")
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateClient();
        await factory.Silo.WhenReadyAsync().WaitAsync(cancellationToken);
        return new SegmentTestSilo(factory, client, clock);
    }

    /// <summary>A request with the management key (or <paramref name="key"/>, none when null) and an optional JSON body.</summary>
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

    /// <summary>A GET expecting 200, and its JSON body.</summary>
    public Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken) =>
        ExpectAsync(HttpMethod.Get, path, HttpStatusCode.OK, cancellationToken);

    /// <summary>A request expecting <paramref name="status"/>, and its JSON body (default when empty).</summary>
    public async Task<JsonElement> ExpectAsync(
        HttpMethod method, string path, HttpStatusCode status, CancellationToken cancellationToken, string? json = null)
    {
        using var response = await SendAsync(method, path, cancellationToken, json);
        var body = await ManagementHttp.ReadJsonAsync(response, cancellationToken);
        Assert.True(response.StatusCode == status, $"{method} {path} answered {(int)response.StatusCode}, expected {(int)status}: {body}");
        return body;
    }

    /// <summary>Creates a segment, expecting 201, and returns it.</summary>
    public Task<JsonElement> CreateAsync(string id, string name, string rule, CancellationToken cancellationToken) =>
        ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.Created, cancellationToken, SegmentJson.Body(id, name, rule));

    /// <summary>
    /// Sends tracking calls through <c>POST /v1/batch</c> with the write key, expects 200, and waits until they and
    /// everything they caused (segment deltas) are applied.
    /// </summary>
    public async Task TrackAsync(CancellationToken cancellationToken, params JsonObject[] calls)
    {
        var batch = new JsonObject { ["batch"] = new JsonArray([.. calls]) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch")
        {
            Content = new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
        using var response = await Client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /v1/batch answered {(int)response.StatusCode}: {text}");
        await WhenIdleAsync(cancellationToken);
    }

    /// <summary>Waits until every durable record sent so far, and everything it caused, is applied.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => Factory.Silo.WhenIdleAsync().WaitAsync(cancellationToken);

    /// <summary>Waits until every queued backfill has sent its evaluations and every customer has reported back.</summary>
    public async Task WhenBackfilledAsync(CancellationToken cancellationToken)
    {
        await Factory.Services.GetRequiredService<SegmentBackfillService>().WhenIdleAsync().WaitAsync(cancellationToken);
        await WhenIdleAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
