using System.Net;
using System.Text.Json;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Segments.SegmentJson;

namespace Segmentation.Silo.Tests.Segments;

/// <summary>Broken rules are refused with a 400 that says where and why, and are never saved.</summary>
public sealed class SegmentRuleErrorTests
{
    [Fact]
    public async Task Create_UnknownAttribute_Returns400WithPositionAndSuggestion()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        var before = Ids(await silo.GetJsonAsync("/api/segments", guard.Token));

        // Act
        using var response = await silo.SendAsync(HttpMethod.Post, "/api/segments", guard.Token, Body("buyers", "Buyers", "order_count > 3"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = AssertRuleProblem(
            await Management.ManagementHttp.ReadJsonAsync(response, guard.Token),
            "unknown_name",
            "Line 1, column 1: unknown attribute `order_count`; did you mean `orders_count`?");
        Assert.Equal("Invalid segment rule", body.GetProperty("title").GetString());
        Assert.Equal(1, body.GetProperty("line").GetInt32());
        Assert.Equal(1, body.GetProperty("column").GetInt32());
        Assert.Equal("unknown attribute `order_count`; did you mean `orders_count`?", body.GetProperty("description").GetString());
        Assert.Equal("an attribute name", body.GetProperty("expected").GetString());
        Assert.Equal("orders_count", body.GetProperty("suggestion").GetString());
        Assert.Equal(before, Ids(await silo.GetJsonAsync("/api/segments", guard.Token)));
    }

    [Fact]
    public async Task Create_TextComparedAsNumber_Returns400TypeMismatch()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, Body("emails", "Emails", "email > 3"));

        // Assert
        AssertRuleProblem(
            body,
            "type_mismatch",
            "Line 1, column 7: `email` is text and cannot be used with `>`; text takes =, !=, in, contains, starts_with, exists or missing");
        Assert.Equal(7, body.GetProperty("column").GetInt32());
        Assert.Equal("=, !=, in, contains, starts_with, exists or missing", body.GetProperty("expected").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("suggestion").ValueKind);
        await AssertAbsentAsync(silo, "emails", guard.Token);
    }

    [Fact]
    public async Task Create_UnbalancedParenthesesOnSecondLine_Returns400WithLineAndColumn()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(
            HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, Body("open", "Open", "can_email\nand (views(7d) > 1"));

        // Assert
        AssertRuleProblem(
            body, "syntax", "Line 2, column 19: expected `and`, `or` or `)` to close the `(` at line 2, column 5, found end of input");
        Assert.Equal(2, body.GetProperty("line").GetInt32());
        Assert.Equal(19, body.GetProperty("column").GetInt32());
        await AssertAbsentAsync(silo, "open", guard.Token);
    }

    [Theory]
    [InlineData("views(0d) > 1", "Line 1, column 7: invalid window `0d`: a window must be longer than zero")]
    [InlineData("last_order_at before 36500d", "Line 1, column 22: invalid window `36500d`: `within` and `before` take at most 1825d (5 years)")]
    [InlineData("views(5218w) > 0", "Line 1, column 7: invalid window `5218w`: profiles keep 90 days of events, so a window can be at most 90d; a longer one could not be counted exactly")]
    public async Task Create_AbsurdWindow_Returns400InvalidWindow(string rule, string detail)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, Body("windows", "Windows", rule));

        // Assert
        AssertRuleProblem(body, "invalid_window", detail);
        await AssertAbsentAsync(silo, "windows", guard.Token);
    }

    [Fact]
    public async Task Create_SegmentReferringToItself_Returns400Cycle()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(
            HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, Body("loop", "Loop", "not in_segment(\"loop\")"));

        // Assert
        AssertRuleProblem(body, "cycle", "segment `loop` refers to itself: in_segment(\"loop\")");
        await AssertAbsentAsync(silo, "loop", guard.Token);
    }

    [Fact]
    public async Task Update_CycleThroughTwoSegments_Returns400AndKeepsTheSavedVersion()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("a", "A", "can_email", guard.Token);
        await silo.CreateAsync("b", "B", "in_segment(\"a\") and orders_count > 0", guard.Token);

        // Act
        var body = await silo.ExpectAsync(
            HttpMethod.Put, "/api/segments/a", HttpStatusCode.BadRequest, guard.Token, Body(null, "A", "in_segment(\"b\")"));

        // Assert
        AssertRuleProblem(body, "cycle", "segments refer to each other in a cycle: `a` -> `b` -> `a`");
        var a = await silo.GetJsonAsync("/api/segments/a", guard.Token);
        Assert.Equal("can_email", a.GetProperty("rule").GetString());
        Assert.Equal(1, a.GetProperty("version").GetInt32());
        var versions = await silo.GetJsonAsync("/api/segments/a/versions", guard.Token);
        Assert.Equal(1, versions.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task Create_UnknownSegmentReference_Returns400WithSuggestion()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("big-spenders", "Big spenders", "total_revenue > 1000", guard.Token);

        // Act
        var body = await silo.ExpectAsync(
            HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, Body("reachable", "Reachable", "in_segment(\"big-spender\") and can_email"));

        // Assert
        AssertRuleProblem(body, "unknown_segment", "segment `reachable` refers to unknown segment `big-spender`; did you mean `big-spenders`?");
        Assert.Equal("big-spenders", body.GetProperty("suggestion").GetString());
        await AssertAbsentAsync(silo, "reachable", guard.Token);
    }

    [Fact]
    public async Task Delete_SegmentReferredToByAnother_Returns400AndKeepsIt()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("big-spenders", "Big spenders", "total_revenue > 1000", guard.Token);
        await silo.CreateAsync("reachable", "Reachable big spenders", "in_segment(\"big-spenders\") and can_email", guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Delete, "/api/segments/big-spenders", HttpStatusCode.BadRequest, guard.Token);

        // Assert
        Assert.Equal("segment_in_use", body.GetProperty("code").GetString());
        Assert.Equal("Segment in use", body.GetProperty("title").GetString());
        Assert.Contains("`reachable`", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await silo.GetJsonAsync("/api/segments/big-spenders", guard.Token);
    }

    [Fact]
    public async Task Update_BrokenRule_Returns400AndChangesNothing()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("buyers", "Buyers", "orders_count > 0", guard.Token);

        // Act
        var body = await silo.ExpectAsync(
            HttpMethod.Put, "/api/segments/buyers", HttpStatusCode.BadRequest, guard.Token, Body(null, "Renamed", "lifecycle = \"vipp\""));

        // Assert
        AssertRuleProblem(body, "invalid_value", "Line 1, column 13: `lifecycle` has no value \"vipp\"; did you mean \"vip\"?");
        var kept = await silo.GetJsonAsync("/api/segments/buyers", guard.Token);
        Assert.Equal("Buyers", kept.GetProperty("name").GetString());
        Assert.Equal("orders_count > 0", kept.GetProperty("rule").GetString());
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Create_InvalidId_Returns400InvalidDefinition()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.BadRequest, guard.Token, Body("Big Spenders!", "Big spenders", "can_email"));

        // Assert
        Assert.Equal("invalid_definition", body.GetProperty("code").GetString());
        Assert.Equal("Invalid segment", body.GetProperty("title").GetString());
        Assert.StartsWith("invalid segment id `Big Spenders!`", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task AssertAbsentAsync(SegmentTestSilo silo, string id, CancellationToken cancellationToken)
    {
        using var response = await silo.SendAsync(HttpMethod.Get, $"/api/segments/{id}", cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
