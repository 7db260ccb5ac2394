using System.Net;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>Every tracking endpoint over HTTP: 200 once durable, and the call applied to the profile.</summary>
public sealed class TrackingEndpointTests
{
    [Theory]
    [InlineData("/v1/track", """{"userId":"u-track","event":"Product Viewed","properties":{"product_id":"p-1"}}""", "u-track")]
    [InlineData("/v1/identify", """{"userId":"u-identify","traits":{"email":"Identify@Example.com"}}""", "u-identify")]
    [InlineData("/v1/page", """{"userId":"u-page","name":"Home","properties":{"url":"https://shop.test/"}}""", "u-page")]
    [InlineData("/v1/screen", """{"userId":"u-screen","name":"Cart"}""", "u-screen")]
    [InlineData("/v1/group", """{"userId":"u-group","groupId":"company-1","traits":{"name":"Acme"}}""", "u-group")]
    [InlineData("/v1/alias", """{"userId":"u-alias","previousId":"anonymous-alias"}""", "u-alias")]
    public async Task Post_SingleCallEndpoint_Returns200AndAppliesTheCall(string path, string json, string userId)
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.PostAsync(path, json, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        var customer = await silo.GetCustomerAsync(userId, guard.Token);
        Assert.True(customer.Exists, $"{path} left no profile for {userId}.");
        Assert.Equal(userId, customer.Profile!.Identity.UserId);
        Assert.Equal(TrackingTestSilo.Now, customer.Profile.Identity.LatestEventAt);
    }

    [Fact]
    public async Task PostBatch_EveryCallType_Returns200AndAppliesEach()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        const string json = """
            {"batch":[
              {"type":"identify","userId":"u-batch","traits":{"email":"batch@example.com","firstName":"Ada"},"timestamp":"2026-03-02T11:00:00Z"},
              {"type":"page","userId":"u-batch","name":"Home","timestamp":"2026-03-02T11:01:00Z"},
              {"type":"screen","userId":"u-batch","name":"Catalog","timestamp":"2026-03-02T11:02:00Z"},
              {"type":"track","userId":"u-batch","event":"Product Viewed","properties":{"product_id":"p-9","category":"Shoes"},"timestamp":"2026-03-02T11:03:00Z"},
              {"type":"track","userId":"u-batch","event":"Product Viewed","properties":{"product_id":"p-9"},"timestamp":"2026-03-02T11:04:00Z"},
              {"type":"group","userId":"u-batch","groupId":"company-7","timestamp":"2026-03-02T11:05:00Z"},
              {"type":"alias","userId":"u-batch","previousId":"anonymous-batch","timestamp":"2026-03-02T11:06:00Z"}
            ]}
            """;

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        var profile = (await silo.GetCustomerAsync("u-batch", guard.Token)).Profile!;
        Assert.Equal("batch@example.com", profile.Traits.Email);
        Assert.Equal("Ada", profile.Traits.FirstName);
        var viewed = Assert.Single(profile.Events, e => e.Name == "Product Viewed");
        Assert.Equal(2, viewed.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 4, 0, TimeSpan.Zero), viewed.LastAt);
        Assert.Equal("p-9", Assert.Single(profile.Browsing.RecentProducts).ProductKey);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), profile.Identity.FirstSeenAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 6, 0, TimeSpan.Zero), profile.Identity.LatestEventAt);
    }

    [Theory]
    [InlineData("/v1/track", """{"type":"page","userId":"u-1","name":"Home"}""", TrackingErrorCodes.TypeMismatch, "$.type")]
    [InlineData("/v1/track", """{"userId":"u-1"}""", TrackingErrorCodes.MissingEvent, "$.event")]
    [InlineData("/v1/identify", """{"traits":{"email":"x@example.com"}}""", TrackingErrorCodes.MissingUserId, "$.userId")]
    [InlineData("/v1/group", """{"userId":"u-1"}""", TrackingErrorCodes.MissingGroupId, "$.groupId")]
    [InlineData("/v1/alias", """{"userId":"u-1"}""", TrackingErrorCodes.MissingPreviousId, "$.previousId")]
    [InlineData("/v1/page", """{"userId":"u-1","properties":"not an object"}""", TrackingErrorCodes.InvalidFieldType, "$.properties")]
    public async Task Post_SingleCallEndpointInvalidCall_Returns400WithCodeAndPathAndAppliesNothing(
        string path, string json, string code, string jsonPath)
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.PostAsync(path, json, guard.Token);

        var problem = await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, code, guard.Token);
        Assert.Equal(jsonPath, problem.GetProperty("path").GetString());
        Assert.False(problem.TryGetProperty("rejected", out _));
        Assert.False((await silo.GetCustomerAsync("u-1", guard.Token)).Exists);
    }

    [Fact]
    public async Task GetOpenApiDocument_DescribesEveryTrackingEndpointAndItsAnswers()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.Client.GetAsync("/openapi/v1.json", guard.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await TrackingHttp.ReadJsonAsync(response, guard.Token)).GetProperty("paths");
        foreach (var path in new[] { "/v1/batch", "/v1/track", "/v1/identify", "/v1/page", "/v1/screen", "/v1/group", "/v1/alias" })
        {
            var responses = paths.GetProperty(path).GetProperty("post").GetProperty("responses")
                .EnumerateObject().Select(static r => r.Name).Order(StringComparer.Ordinal);
            Assert.Equal(["200", "400", "401", "415", "429", "503"], responses);
        }
    }

    [Fact]
    public async Task Get_TrackingEndpoint_Returns405()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.Client.GetAsync("/v1/batch", guard.Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
