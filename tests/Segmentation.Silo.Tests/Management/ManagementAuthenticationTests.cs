using System.Net;
using System.Net.Http.Headers;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests.Management;

public sealed class ManagementAuthenticationTests
{
    private const string Path = "/api/customers?query=nobody";

    [Fact]
    public async Task Get_WithoutAuthorization_Returns401ProblemWithBearerChallenge()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync(Path, guard.Token, key: null);

        // Assert
        await AssertUnauthorizedAsync(response, "Send a management API key", guard.Token);
    }

    [Theory]
    [InlineData("not-a-configured-key-but-long-enough-0000")]
    [InlineData(ManagementTestSilo.RevokedKey)]
    [InlineData(ManagementTestSilo.Key + "x")]
    public async Task Get_WithUnknownOrRevokedKey_Returns401Problem(string key)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync(Path, guard.Token, key);

        // Assert
        await AssertUnauthorizedAsync(response, "not valid or has been revoked", guard.Token);
    }

    [Fact]
    public async Task Get_WithKeyAsBasicCredentials_Returns401Problem()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", ManagementTestSilo.Key);

        // Act
        using var response = await silo.Client.SendAsync(request, guard.Token);

        // Assert
        await AssertUnauthorizedAsync(response, "not valid or has been revoked", guard.Token);
    }

    [Fact]
    public async Task Get_WithActiveKey_Returns200()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync(Path, guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ManagementHttp.ReadJsonAsync(response, guard.Token);
        Assert.Equal(0, body.GetProperty("customers").GetArrayLength());
    }

    [Fact]
    public async Task Get_WithActiveKeyInLowercaseScheme_Returns200()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.TryAddWithoutValidation("Authorization", $"bearer {ManagementTestSilo.Key}");

        // Act
        using var response = await silo.Client.SendAsync(request, guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Requests_WithAnyKey_NeverLogTheKeyAndNameRevokedKeysByName()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        const string unknownKey = "an-unknown-key-that-must-not-be-logged-42";

        // Act
        foreach (var key in new[] { ManagementTestSilo.Key, ManagementTestSilo.RevokedKey, unknownKey })
        {
            using var response = await silo.GetAsync("/api/customers?query=someone%40example.com", guard.Token, key);
        }

        // Assert
        var logs = silo.Logs.Messages.ToArray();
        Assert.Contains(logs, m => m.Contains("key retired-dashboard is revoked", StringComparison.Ordinal));
        Assert.Contains(logs, m => m.Contains("unknown key", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains(ManagementTestSilo.Key, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains(ManagementTestSilo.RevokedKey, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains(unknownKey, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, m => m.Contains("someone", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OtherEndpoints_WithAuthorizationHeaders_AreNeitherJudgedNorLoggedByTheManagementScheme()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        using var basic = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjo=");

        // Act
        using var basicResponse = await silo.Client.SendAsync(basic, guard.Token);
        using var bearerResponse = await silo.GetAsync("/health/live", guard.Token, "some-other-services-bearer-token-000000");

        // Assert
        Assert.Equal(HttpStatusCode.OK, basicResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearerResponse.StatusCode);
        Assert.DoesNotContain(silo.Logs.Messages, m => m.Contains("Management API request refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_WithoutConfiguredKeys_RefusesTheDevelopmentKeyOutsideDevelopment()
    {
        // Arrange: the base settings hold no key; only the development settings do.
        using var guard = HangGuard.Start();
        await using var factory = new SiloApplicationFactory().WithSetting("environment", "Production");
        using var client = factory.CreateClient();
        await factory.Silo.WhenReadyAsync().WaitAsync(guard.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "segmentation-development-management-key");

        // Act
        using var response = await client.SendAsync(request, guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_InDevelopment_AcceptsTheDocumentedDevelopmentKey()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var factory = new SiloApplicationFactory().WithSetting("environment", "Development");
        using var client = factory.CreateClient();
        await factory.Silo.WhenReadyAsync().WaitAsync(guard.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "segmentation-development-management-key");

        // Act
        using var response = await client.SendAsync(request, guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string detail, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var body = await ManagementHttp.ReadJsonAsync(response, cancellationToken);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.Contains(detail, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
