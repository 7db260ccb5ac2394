using System.Net;
using System.Text;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>Size limits (default and configured) and gzip bodies: valid, broken, and bombs.</summary>
public sealed class TrackingBodyLimitTests
{
    [Fact]
    public async Task PostBatch_OneEventOver32KB_RejectsThatItemAndAppliesTheOthers()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = $$$"""
            {"batch":[
              {"type":"track","userId":"u-small","event":"Product Viewed"},
              {"type":"track","userId":"u-large","event":"Product Viewed","messageId":"m-large","properties":{"pad":"{{{new string('x', 33 * 1024)}}}"}}
            ]}
            """;

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TrackingHttp.ReadJsonAsync(response, guard.Token);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal([(1, TrackingErrorCodes.EventTooLarge, "$.batch[1]")], TrackingHttp.Rejected(body));
        // An oversize call is not read further, so its messageId is not reported.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("rejected")[0].GetProperty("messageId").ValueKind);
        Assert.True((await silo.GetCustomerAsync("u-small", guard.Token)).Exists);
        Assert.False((await silo.GetCustomerAsync("u-large", guard.Token)).Exists);
    }

    [Fact]
    public async Task PostTrack_EventOver32KB_Returns400()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = $$$"""{"userId":"u-large","event":"Product Viewed","properties":{"pad":"{{{new string('x', 33 * 1024)}}}"}}""";

        using var response = await silo.PostAsync("/v1/track", json, guard.Token);

        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.EventTooLarge, guard.Token);
        Assert.False((await silo.GetCustomerAsync("u-large", guard.Token)).Exists);
    }

    [Fact]
    public async Task PostBatch_RequestOver500KB_Returns400AndAppliesNothing()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = BatchOfSize(501 * 1024, "u-oversize");

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        var problem = await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.RequestTooLarge, guard.Token);
        Assert.Contains("512000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await silo.GetCustomerAsync("u-oversize", guard.Token)).Exists);
    }

    [Fact]
    public async Task PostBatch_ChunkedBodyOver500KB_Returns400()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var bytes = Encoding.UTF8.GetBytes(BatchOfSize(600 * 1024, "u-chunked"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch")
        {
            // A stream of unknown length: sent without Content-Length.
            Content = new StreamContent(new UnseekableStream(bytes)),
        };
        request.Headers.Authorization = TrackingHttp.Basic(TrackingTestSilo.WriteKey);

        using var response = await silo.SendAsync(request, guard.Token);

        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.RequestTooLarge, guard.Token);
        Assert.False((await silo.GetCustomerAsync("u-chunked", guard.Token)).Exists);
    }

    [Fact]
    public async Task Post_ConfiguredLimits_ApplyToEventsAndRequests()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token, new Dictionary<string, string>
        {
            ["Segmentation:Tracking:Limits:MaxEventBytes"] = "1024",
            ["Segmentation:Tracking:Limits:MaxRequestBytes"] = "4096",
        });
        var small = $$$"""{"userId":"u-limits","event":"Product Viewed","properties":{"pad":"{{{new string('x', 800)}}}"}}""";
        var large = $$$"""{"userId":"u-limits","event":"Product Viewed","properties":{"pad":"{{{new string('x', 1100)}}}"}}""";

        using var accepted = await silo.PostAsync("/v1/track", small, guard.Token);
        using var eventTooLarge = await silo.PostAsync("/v1/track", large, guard.Token);
        using var requestTooLarge = await silo.PostAsync("/v1/batch", BatchOfSize(5000, "u-limits"), guard.Token);

        await TrackingHttp.AssertSuccessAsync(accepted, guard.Token);
        await TrackingHttp.AssertProblemAsync(eventTooLarge, HttpStatusCode.BadRequest, TrackingErrorCodes.EventTooLarge, guard.Token);
        await TrackingHttp.AssertProblemAsync(requestTooLarge, HttpStatusCode.BadRequest, TrackingErrorCodes.RequestTooLarge, guard.Token);
        Assert.Equal(1, Assert.Single((await silo.GetCustomerAsync("u-limits", guard.Token)).Profile!.Events).Count);
    }

    [Fact]
    public async Task PostBatch_GzipBodyWithFormContentType_IsDecompressedAndApplied()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = """{"batch":[{"type":"track","userId":"u-gzip","event":"Product Viewed"},{"type":"page","userId":"u-gzip","name":"Home"}]}""";
        using var request = TrackingHttp.Bytes(
            "/v1/batch", TrackingHttp.Gzip(Encoding.UTF8.GetBytes(json)), "application/x-www-form-urlencoded", TrackingTestSilo.WriteKey, "gzip");

        using var response = await silo.SendAsync(request, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        var profile = (await silo.GetCustomerAsync("u-gzip", guard.Token)).Profile!;
        Assert.Equal("Product Viewed", Assert.Single(profile.Events).Name);
        Assert.Equal(TrackingTestSilo.Now, profile.Browsing.LastSiteActivityAt);
    }

    [Fact]
    public async Task PostBatch_TruncatedGzip_Returns400InvalidGzip()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var compressed = TrackingHttp.Gzip(Encoding.UTF8.GetBytes(BatchOfSize(4000, "u-broken")));

        using var response = await silo.SendAsync(
            TrackingHttp.Bytes("/v1/batch", compressed[..^6], "application/json", TrackingTestSilo.WriteKey, "gzip"), guard.Token);

        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.InvalidGzip, guard.Token);
        Assert.False((await silo.GetCustomerAsync("u-broken", guard.Token)).Exists);
    }

    [Fact]
    public async Task PostBatch_PlainJsonDeclaredGzip_Returns400InvalidGzip()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = Encoding.UTF8.GetBytes(BatchOfSize(1000, "u-plain"));

        using var response = await silo.SendAsync(
            TrackingHttp.Bytes("/v1/batch", json, "application/json", TrackingTestSilo.WriteKey, "gzip"), guard.Token);

        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.InvalidGzip, guard.Token);
    }

    [Fact]
    public async Task PostBatch_GzipBomb_Returns400RequestTooLargeAndKeepsServing()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        // 64 MB of JSON white space inside a valid call compresses to about 64 KB.
        var bomb = new byte[64 * 1024 * 1024];
        bomb.AsSpan().Fill((byte)' ');
        "{\"batch\":["u8.CopyTo(bomb);
        var compressed = TrackingHttp.Gzip(bomb);
        Assert.True(compressed.Length < 512_000);

        using var response = await silo.SendAsync(
            TrackingHttp.Bytes("/v1/batch", compressed, "application/json", TrackingTestSilo.WriteKey, "gzip"), guard.Token);
        using var next = await silo.PostAsync("/v1/track", """{"userId":"u-after-bomb","event":"Product Viewed"}""", guard.Token);

        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.RequestTooLarge, guard.Token);
        await TrackingHttp.AssertSuccessAsync(next, guard.Token);
    }

    [Fact]
    public async Task Post_UnsupportedContentEncoding_Returns415()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.SendAsync(
            TrackingHttp.Bytes("/v1/track", [1, 2, 3], "application/json", TrackingTestSilo.WriteKey, "br"), guard.Token);

        await TrackingHttp.AssertProblemAsync(
            response, HttpStatusCode.UnsupportedMediaType, Segmentation.Silo.Tracking.TrackingHttpErrorCodes.UnsupportedContentEncoding, guard.Token);
    }

    /// <summary>A valid batch of track calls for one user, padded to exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string BatchOfSize(int bytes, string userId)
    {
        var item = $$$"""{"type":"track","userId":"{{{userId}}}","event":"Product Viewed","properties":{"pad":"{{{new string('x', 700)}}}"}}""";
        var builder = new StringBuilder("{\"batch\":[").Append(item);
        while (builder.Length + item.Length + 3 < bytes)
        {
            builder.Append(',').Append(item);
        }

        builder.Append(']');
        builder.Append(' ', bytes - builder.Length - 1).Append('}');
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(builder.ToString()));
        return builder.ToString();
    }
}
