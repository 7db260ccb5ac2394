using System.Net;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Segments.SegmentJson;

namespace Segmentation.Silo.Tests.Segments;

public sealed class SegmentPreviewEndpointTests
{
    [Fact]
    public async Task Preview_TextRule_ReturnsTheCountAndASampleOfMembersAndSavesNothing()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.TrackAsync(
            guard.Token,
            Viewed("c-1", 30, "m1"),
            Viewed("c-2", 20, "m2"),
            Viewed("c-3", 10, "m3"),
            Identify("c-4", "c4@example.com", 5, "m4"));
        var before = Ids(await silo.GetJsonAsync("/api/segments", guard.Token));

        // Act
        var preview = await silo.ExpectAsync(
            HttpMethod.Post, "/api/segments/preview", HttpStatusCode.OK, guard.Token, """{"rule":"views(7d) > 0","sampleSize":2}""");

        // Assert
        Assert.Equal(3, preview.GetProperty("count").GetInt64());
        Assert.Equal(4, preview.GetProperty("evaluated").GetInt64());
        var sample = preview.GetProperty("sample").EnumerateArray().Select(static s => s.GetString()!).ToArray();
        Assert.Equal(2, sample.Length);
        Assert.All(sample, id => Assert.Contains(id, new[] { "c-1", "c-2", "c-3" }));
        Assert.Equal(before, Ids(await silo.GetJsonAsync("/api/segments", guard.Token)));
    }

    [Fact]
    public async Task Preview_JsonRuleWithoutSampleSize_ReturnsEveryMemberUpToTheDefault()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.TrackAsync(guard.Token, Viewed("c-1", 30, "m1"), Identify("c-2", "c2@example.com", 5, "m2"));
        const string json = """
            {"ruleJson":{"kind":"compare","operator":">","value":0,"subject":{"kind":"window","function":"views","window":"7d"}}}
            """;

        // Act
        var preview = await silo.ExpectAsync(HttpMethod.Post, "/api/segments/preview", HttpStatusCode.OK, guard.Token, json);

        // Assert
        Assert.Equal(1, preview.GetProperty("count").GetInt64());
        Assert.Equal(["c-1"], preview.GetProperty("sample").EnumerateArray().Select(static s => s.GetString()));
    }

    [Fact]
    public async Task Preview_BrokenRule_Returns400WithPosition()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments/preview", HttpStatusCode.BadRequest, guard.Token, """{"rule":"email > 3"}""");

        // Assert
        AssertRuleProblem(
            body,
            "type_mismatch",
            "Line 1, column 7: `email` is text and cannot be used with `>`; text takes =, !=, in, contains, starts_with, exists or missing");
    }
}
