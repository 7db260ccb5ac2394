using System.Net;
using System.Net.Http.Headers;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tracking;
using Segmentation.Tracking;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>Write keys: HTTP Basic or the body's writeKey; missing, unknown and revoked keys are refused with 401.</summary>
public sealed class TrackingAuthenticationTests
{
    private const string TrackCall = """{"userId":"u-auth","event":"Product Viewed"}""";

    [Fact]
    public async Task Post_WriteKeyInBodyOnly_Returns200()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = $$"""{"writeKey":"{{TrackingTestSilo.WriteKey}}","batch":[{"type":"track","userId":"u-auth","event":"Product Viewed"}]}""";

        using var response = await silo.SendAsync(TrackingHttp.Json("/v1/batch", json), guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        Assert.True((await silo.GetCustomerAsync("u-auth", guard.Token)).Exists);
    }

    [Fact]
    public async Task Post_BasicAuthWithEmptyUserAndKeyInBody_UsesTheBodyKey()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = $$"""{"writeKey":"{{TrackingTestSilo.WriteKey}}","userId":"u-auth","event":"Product Viewed"}""";
        using var request = TrackingHttp.Json("/v1/track", json);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(":"u8.ToArray()));

        using var response = await silo.SendAsync(request, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
    }

    [Theory]
    [InlineData(null, TrackingHttpErrorCodes.MissingWriteKey)]
    [InlineData("not-a-configured-write-key", TrackingHttpErrorCodes.InvalidWriteKey)]
    [InlineData("TRACKING-TESTS-WRITE-KEY-0001", TrackingHttpErrorCodes.InvalidWriteKey)]
    [InlineData(TrackingTestSilo.RevokedWriteKey, TrackingHttpErrorCodes.RevokedWriteKey)]
    public async Task Post_BasicAuthWithoutValidKey_Returns401AndAppliesNothing(string? key, string code)
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.SendAsync(TrackingHttp.Json("/v1/track", TrackCall, key), guard.Token);

        await AssertUnauthorizedAsync(response, code, guard.Token);
        Assert.False((await silo.GetCustomerAsync("u-auth", guard.Token)).Exists);
    }

    [Theory]
    [InlineData("not-a-configured-write-key", TrackingHttpErrorCodes.InvalidWriteKey)]
    [InlineData(TrackingTestSilo.RevokedWriteKey, TrackingHttpErrorCodes.RevokedWriteKey)]
    [InlineData("", TrackingHttpErrorCodes.MissingWriteKey)]
    public async Task Post_BodyKeyNotValid_Returns401AndAppliesNothing(string key, string code)
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = $$"""{"writeKey":"{{key}}","batch":[{"type":"track","userId":"u-auth","event":"Product Viewed"}]}""";

        using var response = await silo.SendAsync(TrackingHttp.Json("/v1/batch", json), guard.Token);

        await AssertUnauthorizedAsync(response, code, guard.Token);
        Assert.False((await silo.GetCustomerAsync("u-auth", guard.Token)).Exists);
    }

    [Fact]
    public async Task Post_UnknownKeyInHeaderAndValidKeyInBody_Returns401BecauseTheHeaderDecides()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = $$"""{"writeKey":"{{TrackingTestSilo.WriteKey}}","userId":"u-auth","event":"Product Viewed"}""";

        using var response = await silo.SendAsync(TrackingHttp.Json("/v1/track", json, "not-a-configured-write-key"), guard.Token);

        await AssertUnauthorizedAsync(response, TrackingHttpErrorCodes.InvalidWriteKey, guard.Token);
    }

    [Theory]
    [InlineData("Bearer tracking-tests-write-key-0001")]
    [InlineData("Basic not*base64")]
    [InlineData("Basic")]
    public async Task Post_AuthorizationNotBasicCredentials_Returns401InvalidAuthorization(string header)
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        using var request = TrackingHttp.Json("/v1/track", TrackCall);
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await silo.SendAsync(request, guard.Token);

        await AssertUnauthorizedAsync(response, TrackingHttpErrorCodes.InvalidAuthorization, guard.Token);
    }

    [Fact]
    public async Task Post_MalformedBodyWithoutAnyKey_Returns400BecauseNoKeyCanBeFound()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.SendAsync(TrackingHttp.Json("/v1/track", """{"writeKey":"x","userId":"""), guard.Token);

        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest, TrackingErrorCodes.MalformedJson, guard.Token);
    }

    [Fact]
    public async Task Post_InvalidCallWithoutAnyKey_Returns401BeforeReportingTheCall()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.SendAsync(TrackingHttp.Json("/v1/track", """{"userId":"u-auth"}"""), guard.Token);

        await AssertUnauthorizedAsync(response, TrackingHttpErrorCodes.MissingWriteKey, guard.Token);
    }

    [Fact]
    public async Task Post_DevelopmentSettingsKey_IsAcceptedInTheDevelopmentEnvironment()
    {
        using var guard = HangGuard.Start();
        await using var factory = new SiloApplicationFactory();
        using var client = factory.CreateClient();
        await factory.Silo.WhenReadyAsync().WaitAsync(guard.Token);

        using var response = await client.SendAsync(
            TrackingHttp.Json("/v1/track", TrackCall, "segmentation-development-write-key"), guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string code, CancellationToken cancellationToken)
    {
        await TrackingHttp.AssertProblemAsync(response, HttpStatusCode.Unauthorized, code, cancellationToken);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.DoesNotContain(TrackingTestSilo.WriteKey, body, StringComparison.OrdinalIgnoreCase);
    }
}
