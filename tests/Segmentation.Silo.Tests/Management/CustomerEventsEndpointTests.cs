using System.Net;
using System.Text.Json;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Management.ManagementHttp;

namespace Segmentation.Silo.Tests.Management;

public sealed class CustomerEventsEndpointTests
{
    [Fact]
    public async Task GetEvents_PagedByTwo_ReturnsExactPagesNewestFirstAndNoCursorOnTheLast()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(guard.Token, [.. Enumerable.Range(1, 5).Select(i => Track($"e{i}", "Product Viewed", 60 - (i * 10), userId: "u1"))]);

        // Act
        var page1 = await silo.GetJsonAsync("/api/customers/u1/events?limit=2", guard.Token);
        var page2 = await silo.GetJsonAsync(NextLink(page1), guard.Token);
        var page3 = await silo.GetJsonAsync($"/api/customers/u1/events?limit=2&before={page2.GetProperty("next").GetString()}", guard.Token);

        // Assert
        Assert.Equal(["e5", "e4"], MessageIds(page1));
        Assert.Equal(["e3", "e2"], MessageIds(page2));
        Assert.Equal(["e1"], MessageIds(page3));
        Assert.Equal(JsonValueKind.Null, page3.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, page3.GetProperty("nextLink").ValueKind);
    }

    [Fact]
    public async Task GetEvents_LastPageExactlyFull_HasNoCursor()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(guard.Token, Track("e1", "Product Viewed", 20, userId: "u1"), Track("e2", "Product Viewed", 10, userId: "u1"));

        // Act
        var page = await silo.GetJsonAsync("/api/customers/u1/events?limit=2", guard.Token);

        // Assert
        Assert.Equal(["e2", "e1"], MessageIds(page));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task GetEvents_Item_CarriesTheStoredMessage()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(guard.Token, Track("e1", "Product Viewed", 15, anonymousId: "anon-9"));

        // Act
        var page = await silo.GetJsonAsync("/api/customers/anon-9/events", guard.Token);

        // Assert
        var item = Assert.Single(page.GetProperty("events").EnumerateArray());
        Assert.Equal("e1", item.GetProperty("messageId").GetString());
        Assert.Equal("track", item.GetProperty("type").GetString());
        Assert.Equal("Product Viewed", item.GetProperty("event").GetString());
        Assert.Equal("anon-9", item.GetProperty("anonymousId").GetString());
        Assert.Equal(ManagementTestSilo.Now.AddMinutes(-15), item.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(ManagementTestSilo.Now, item.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal("e1", item.GetProperty("properties").GetProperty("source").GetString());
        Assert.Equal("203.0.113.7", item.GetProperty("context").GetProperty("ip").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("traits").ValueKind);
    }

    [Fact]
    public async Task GetEvents_WithMergedAnonymousId_MergesBothHistoriesByTimestampOnce()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await ArrangeMergedHistoryAsync(silo, guard.Token);

        // Act
        var known = await silo.GetJsonAsync("/api/customers/u1/events", guard.Token);
        var viaAnonymous = await silo.GetJsonAsync("/api/customers/anon-1/events", guard.Token);

        // Assert: the merge and link records are not events; the event forwarded after the merge shows once.
        string[] expected = ["k2", "a3", "k1", "a2", "k0", "a1"];
        Assert.Equal(expected, MessageIds(known));
        Assert.Equal(JsonValueKind.Null, known.GetProperty("resolvedFrom").ValueKind);
        Assert.Equal(expected, MessageIds(viaAnonymous));
        Assert.Equal("u1", viaAnonymous.GetProperty("customerId").GetString());
        Assert.Equal("anon-1", viaAnonymous.GetProperty("resolvedFrom").GetString());
    }

    [Fact]
    public async Task GetEvents_MergedHistoryPagedByTwo_PagesAcrossBothLogsAndIgnoresLaterEvents()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await ArrangeMergedHistoryAsync(silo, guard.Token);

        // Act: a new event arrives between the first and second page.
        var page1 = await silo.GetJsonAsync("/api/customers/anon-1/events?limit=2", guard.Token);
        await silo.AppendAsync(guard.Token, Track("k3", "Product Viewed", 5, userId: "u1"));
        var page2 = await silo.GetJsonAsync(NextLink(page1), guard.Token);
        var page3 = await silo.GetJsonAsync(NextLink(page2), guard.Token);
        var fresh = await silo.GetJsonAsync("/api/customers/u1/events?limit=1", guard.Token);

        // Assert
        Assert.Equal(["k2", "a3"], MessageIds(page1));
        Assert.Equal(["k1", "a2"], MessageIds(page2));
        Assert.Equal(["k0", "a1"], MessageIds(page3));
        Assert.Equal(JsonValueKind.Null, page3.GetProperty("next").ValueKind);
        Assert.Equal(["k3"], MessageIds(fresh));
    }

    [Fact]
    public async Task GetEvents_WithoutLimit_ReturnsUpToFifty()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(guard.Token, [.. Enumerable.Range(1, 51).Select(i => Track($"e{i:00}", "Product Viewed", 100 - i, userId: "u1"))]);

        // Act
        var page = await silo.GetJsonAsync("/api/customers/u1/events", guard.Token);

        // Assert
        Assert.Equal(50, page.GetProperty("events").GetArrayLength());
        Assert.Equal("e51", MessageIds(page)[0]);
        Assert.Equal("e02", MessageIds(page)[^1]);
        Assert.Equal(JsonValueKind.String, page.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-3", "limit")]
    [InlineData("before=not-a-cursor", "before")]
    [InlineData("before=eyJ2IjoxfQ", "before")]
    public async Task GetEvents_InvalidLimitOrCursor_Returns400ValidationProblem(string query, string field)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(guard.Token, Track("e1", "Product Viewed", 10, userId: "u1"));

        // Act
        using var response = await silo.GetAsync($"/api/customers/u1/events?{query}", guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadJsonAsync(response, guard.Token);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task GetEvents_NonNumericLimit_Returns400()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync("/api/customers/u1/events?limit=ten", guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetEvents_CursorOfAnotherCustomer_Returns400()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(
            guard.Token,
            Track("e1", "Product Viewed", 20, userId: "u1"),
            Track("e2", "Product Viewed", 10, userId: "u1"),
            Track("f1", "Product Viewed", 10, userId: "u2"));
        var cursor = (await silo.GetJsonAsync("/api/customers/u1/events?limit=1", guard.Token)).GetProperty("next").GetString();

        // Act
        using var response = await silo.GetAsync($"/api/customers/u2/events?before={cursor}", guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response, guard.Token);
        Assert.Contains("another customer", body.GetProperty("errors").GetProperty("before")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEvents_UnknownId_Returns404Problem()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.GetAsync("/api/customers/nobody/events", guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // anon-1 browses (a1, a2) around u1's own event k0, signs in as u1 (k1), browses on as anon-1 after the merge (a3,
    // forwarded to u1's log), and orders as u1 (k2).
    private static async Task ArrangeMergedHistoryAsync(ManagementTestSilo silo, CancellationToken cancellationToken)
    {
        await silo.AppendAsync(
            cancellationToken,
            Track("a1", "Product Viewed", 60, anonymousId: "anon-1"),
            Track("k0", "Products Searched", 50, userId: "u1"),
            Track("a2", "Product Added", 45, anonymousId: "anon-1"));
        await silo.AppendAsync(cancellationToken, Identify("k1", "u1", "ada@example.com", 40, anonymousId: "anon-1"));
        await silo.AppendAsync(cancellationToken, Track("a3", "Checkout Started", 20, anonymousId: "anon-1"));
        await silo.AppendAsync(cancellationToken, Order("k2", "u1", "o-1", 50m, 10));
    }

    private static string NextLink(JsonElement page) =>
        page.GetProperty("nextLink").GetString() ?? throw new InvalidOperationException("The page has no next link.");
}
