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
        AssertResponses(paths, "/api/silo", "200", "401", "503");
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

    [Fact]
    public async Task GetOpenApiDocument_WithoutKey_DescribesTheSegmentEndpoints()
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
        AssertResponses(paths, "/api/segments", "200", "401", "503");
        AssertOperation(paths, "/api/segments", "post", "201", "400", "401", "409", "415", "503");
        AssertOperation(paths, "/api/segments/preview", "post", "200", "400", "401", "415", "503");
        AssertResponses(paths, "/api/segments/{id}", "200", "401", "404", "503");
        AssertOperation(paths, "/api/segments/{id}", "put", "200", "400", "401", "404", "415", "503");
        AssertOperation(paths, "/api/segments/{id}", "delete", "204", "400", "401", "404", "503");
        AssertResponses(paths, "/api/segments/{id}/versions", "200", "401", "404", "503");
        AssertResponses(paths, "/api/segments/{id}/members", "200", "400", "401", "404", "503");
        AssertResponses(paths, "/api/segments/{id}/members.csv", "200", "401", "404", "503");
        AssertResponses(paths, "/api/segments/{id}/history", "200", "400", "401", "404", "503");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(
            ["description", "id", "name", "rule", "ruleJson"],
            schemas.GetProperty("SegmentRequest").GetProperty("properties").EnumerateObject().Select(static p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["rule", "ruleJson", "sampleSize"],
            schemas.GetProperty("SegmentPreviewRequest").GetProperty("properties").EnumerateObject().Select(static p => p.Name).Order(StringComparer.Ordinal));
        var segment = schemas.GetProperty("SegmentResponse").GetProperty("properties");
        foreach (var property in new[] { "id", "name", "description", "rule", "ruleJson", "version", "starter", "count", "entered", "left", "backfill", "createdAt", "updatedAt" })
        {
            Assert.True(segment.TryGetProperty(property, out _), $"SegmentResponse has no '{property}'.");
        }

        foreach (var schema in new[] { "SegmentListResponse", "SegmentVersionsResponse", "SegmentMembersResponse", "SegmentHistoryResponse", "SegmentPreview" })
        {
            Assert.True(schemas.TryGetProperty(schema, out _), $"No schema '{schema}'.");
        }

        var create = paths.GetProperty("/api/segments").GetProperty("post");
        Assert.Equal(
            "#/components/schemas/SegmentRequest",
            create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(paths.GetProperty("/api/segments/{id}/members.csv").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _));
        var limit = Parameter(paths, "/api/segments/{id}/members", "limit");
        Assert.Equal(1000, limit.GetProperty("maximum").GetInt32());
        Assert.Equal(100, limit.GetProperty("default").GetInt32());
        var resolution = Parameter(paths, "/api/segments/{id}/history", "resolution");
        Assert.Equal(["minute", "hour"], resolution.GetProperty("enum").EnumerateArray().Select(static v => v.GetString()));
    }

    private static JsonElement Parameter(JsonElement paths, string path, string name) =>
        paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");

    private static void AssertResponses(JsonElement paths, string path, params string[] statuses) =>
        AssertOperation(paths, path, "get", statuses);

    private static void AssertOperation(JsonElement paths, string path, string method, params string[] statuses)
    {
        var operation = paths.GetProperty(path).GetProperty(method);
        var responses = operation.GetProperty("responses").EnumerateObject().Select(static r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(statuses, responses);
        Assert.Equal(JsonValueKind.Array, operation.GetProperty("security").ValueKind);
    }
}
