using System.Net;
using System.Text.Json;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests.Management;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task GetOpenApiDocument_WithoutKey_DescribesTheManagementEndpoints()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync("/openapi/v1.json", guard.Token, key: null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ManagementHttp.ReadJsonAsync(response, guard.Token);
        var paths = document.GetProperty("paths");
        AssertResponses(paths, "/api/customers", "200", "400", "401", "503");
        AssertResponses(paths, "/api/customers/{id}", "200", "400", "401", "404", "503");
        AssertResponses(paths, "/api/customers/{id}/events", "200", "400", "401", "404", "503");
        var eventsParameters = paths.GetProperty("/api/customers/{id}/events").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(static p => p.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["id", "before", "limit"], eventsParameters);
        var limit = paths.GetProperty("/api/customers/{id}/events").GetProperty("get").GetProperty("parameters")[2].GetProperty("schema");
        Assert.Equal("integer", limit.GetProperty("type").GetString());
        Assert.Equal(200, limit.GetProperty("maximum").GetInt32());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("ManagementApiKey").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("CustomerEventsResponse", out _));
    }

    private static void AssertResponses(JsonElement paths, string path, params string[] statuses)
    {
        var get = paths.GetProperty(path).GetProperty("get");
        var responses = get.GetProperty("responses").EnumerateObject().Select(static r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(statuses, responses);
        Assert.Equal(JsonValueKind.Array, get.GetProperty("security").ValueKind);
    }
}
