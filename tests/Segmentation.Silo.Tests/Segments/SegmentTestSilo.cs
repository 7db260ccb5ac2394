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
/// The silo in memory with a management key and a write key, and a fake clock standing at <see cref="ApiTestSilo.Now"/>.
/// Events go in over HTTP through <c>/v1/batch</c>; segments are read and written through <c>/api/segments</c>.
/// Ready before the first request.
/// </summary>
public sealed class SegmentTestSilo : ApiTestSilo
{
    public const string WriteKey = "segment-tests-write-key-0001";

    private SegmentTestSilo(SiloApplicationFactory factory, FakeTimeProvider clock)
        : base(factory, clock)
    {
    }

    public static Task<SegmentTestSilo> StartAsync(CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Now);
        var factory = CreateFactory(clock)
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Name", "segment-tests")
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Key", WriteKey)
            .WithSetting("Segmentation:Tracking:WriteKeys:0:Revoked", "false");
        return ReadyAsync(new SegmentTestSilo(factory, clock), cancellationToken);
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

    /// <summary>Waits until every queued backfill has sent its evaluations and every customer has reported back.</summary>
    public async Task WhenBackfilledAsync(CancellationToken cancellationToken)
    {
        await Factory.Services.GetRequiredService<SegmentBackfillService>().WhenIdleAsync().WaitAsync(cancellationToken);
        await WhenIdleAsync(cancellationToken);
    }
}
