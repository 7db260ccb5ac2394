using System.Net;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests.Segments;

public sealed class SegmentAuthenticationTests
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/segments" },
        { "POST", "/api/segments" },
        { "GET", "/api/segments/vip" },
        { "PUT", "/api/segments/vip" },
        { "DELETE", "/api/segments/vip" },
        { "GET", "/api/segments/vip/versions" },
        { "GET", "/api/segments/vip/members" },
        { "GET", "/api/segments/vip/members.csv" },
        { "GET", "/api/segments/vip/history" },
        { "POST", "/api/segments/preview" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Request_WithoutKey_Returns401ProblemAndChangesNothing(string method, string path)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        var before = await silo.GetJsonAsync("/api/segments", guard.Token);
        var body = method is "POST" or "PUT" ? SegmentJson.Body("made-up", "Made up", "can_email") : null;

        // Act
        using var response = await silo.SendAsync(new HttpMethod(method), path, guard.Token, body, key: null);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var after = await silo.GetJsonAsync("/api/segments", guard.Token);
        Assert.Equal(SegmentJson.Ids(before), SegmentJson.Ids(after));
    }
}
