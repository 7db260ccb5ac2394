using System.Net;
using Segmentation.Silo.Tests.Infrastructure;
using Segmentation.Silo.Tests.Management;

namespace Segmentation.Silo.Tests.Sends;

public sealed class SendOpenApiTests
{
    [Fact]
    public async Task GetOpenApiDocument_DescribesTheSendEndpoints()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SendsTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.SendAsync(HttpMethod.Get, "/openapi/v1.json", guard.Token, key: null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await ManagementHttp.ReadJsonAsync(response, guard.Token)).GetProperty("paths");
        Assert.Equal(["200", "400", "401", "503"], Responses(paths, "/api/sends", "get"));
        Assert.Equal(["200", "401", "404", "503"], Responses(paths, "/api/sends/{id}", "get"));
        Assert.Equal(["202", "401", "404", "409", "503"], Responses(paths, "/api/sends/{id}/retry", "post"));
        var parameters = paths.GetProperty("/api/sends").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(static p => p.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["status", "customerId", "trigger", "limit", "cursor"], parameters);
    }

    private static IEnumerable<string> Responses(System.Text.Json.JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(static r => r.Name).Order(StringComparer.Ordinal);
}
