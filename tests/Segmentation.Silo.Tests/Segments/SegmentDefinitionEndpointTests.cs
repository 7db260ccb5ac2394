using System.Net;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Segments.SegmentJson;

namespace Segmentation.Silo.Tests.Segments;

public sealed class SegmentDefinitionEndpointTests
{
    [Fact]
    public async Task Create_WithTextRule_Returns201WithLocationAndTheSegment()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.SendAsync(
            HttpMethod.Post, "/api/segments", guard.Token, Body("shoe-fans", "Shoe fans", "views(7d) > 2", "Browse a lot"));

        // Assert
        var body = await Management.ManagementHttp.ReadJsonAsync(response, guard.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/segments/shoe-fans", response.Headers.Location?.OriginalString);
        Assert.Equal("shoe-fans", body.GetProperty("id").GetString());
        Assert.Equal("Shoe fans", body.GetProperty("name").GetString());
        Assert.Equal("Browse a lot", body.GetProperty("description").GetString());
        Assert.Equal("views(7d) > 2", body.GetProperty("rule").GetString());
        Assert.Equal("compare", body.GetProperty("ruleJson").GetProperty("kind").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.False(body.GetProperty("starter").GetBoolean());
        Assert.Equal(0, body.GetProperty("count").GetInt64());
        Assert.Equal(0, body.GetProperty("entered").GetInt64());
        Assert.Equal(0, body.GetProperty("left").GetInt64());
        Assert.Equal(1, body.GetProperty("backfill").GetProperty("version").GetInt32());
        Assert.Equal(SegmentTestSilo.Now, body.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(SegmentTestSilo.Now, body.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Create_WithoutId_MakesTheIdFromTheName()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var first = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.Created, guard.Token, Body(null, "Big Spenders", "total_revenue > 500"));
        var second = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.Created, guard.Token, Body(null, "Big Spenders", "total_revenue > 900"));

        // Assert
        Assert.Equal("big-spenders", first.GetProperty("id").GetString());
        Assert.Equal("big-spenders-2", second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_WithJsonRule_SavesItAsCanonicalText()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        const string json = """
            {"id":"eu-shoes","name":"Shoe browsers","ruleJson":{"kind":"compare","operator":">=","value":2,
             "subject":{"kind":"count","eventName":"Product Viewed","window":"14d",
                        "filter":{"kind":"compare","operator":"=","value":"shoes","subject":{"kind":"property","name":"category"}}}}}
            """;

        // Act
        var created = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.Created, guard.Token, json);

        // Assert
        Assert.Equal("count(\"Product Viewed\" where category = \"shoes\", 14d) >= 2", created.GetProperty("rule").GetString());
        var read = await silo.GetJsonAsync("/api/segments/eu-shoes", guard.Token);
        Assert.Equal("count", read.GetProperty("ruleJson").GetProperty("subject").GetProperty("kind").GetString());
        Assert.Equal("14d", read.GetProperty("ruleJson").GetProperty("subject").GetProperty("window").GetString());
    }

    [Fact]
    public async Task CreateGetListUpdateDelete_RoundTrip_EachStepSeesThePreviousOne()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("browsers", "Browsers", "views(7d) > 0", guard.Token);
        silo.Clock.Advance(TimeSpan.FromMinutes(5));

        // Act
        var read = await silo.GetJsonAsync("/api/segments/browsers", guard.Token);
        var listed = await silo.GetJsonAsync("/api/segments", guard.Token);
        var updated = await silo.ExpectAsync(
            HttpMethod.Put, "/api/segments/browsers", HttpStatusCode.OK, guard.Token, Body(null, "Keen browsers", "views(7d) > 3", "Three views a week"));
        var readAfterUpdate = await silo.GetJsonAsync("/api/segments/browsers", guard.Token);
        using var deleted = await silo.SendAsync(HttpMethod.Delete, "/api/segments/browsers", guard.Token);
        using var readAfterDelete = await silo.SendAsync(HttpMethod.Get, "/api/segments/browsers", guard.Token);
        var listedAfterDelete = await silo.GetJsonAsync("/api/segments", guard.Token);

        // Assert
        Assert.Equal("Browsers", read.GetProperty("name").GetString());
        Assert.Contains("browsers", Ids(listed));
        var listedItem = listed.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "browsers");
        Assert.Equal("views(7d) > 0", listedItem.GetProperty("rule").GetString());
        Assert.Equal(0, listedItem.GetProperty("count").GetInt64());
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("Keen browsers", updated.GetProperty("name").GetString());
        Assert.Equal("views(7d) > 3", readAfterUpdate.GetProperty("rule").GetString());
        Assert.Equal("Three views a week", readAfterUpdate.GetProperty("description").GetString());
        Assert.Equal(SegmentTestSilo.Now, readAfterUpdate.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(SegmentTestSilo.Now.AddMinutes(5), readAfterUpdate.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readAfterDelete.StatusCode);
        Assert.DoesNotContain("browsers", Ids(listedAfterDelete));
    }

    [Fact]
    public async Task GetVersions_AfterTwoEdits_ListsEveryVersionOldestFirst()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("buyers", "Buyers", "orders_count > 0", guard.Token);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await silo.ExpectAsync(HttpMethod.Put, "/api/segments/buyers", HttpStatusCode.OK, guard.Token, Body(null, "Buyers", "orders_count > 1"));
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        await silo.ExpectAsync(HttpMethod.Put, "/api/segments/buyers", HttpStatusCode.OK, guard.Token, Body("buyers", "Repeat buyers", "orders_count(90d) >= 2"));

        // Act
        var body = await silo.GetJsonAsync("/api/segments/buyers/versions", guard.Token);

        // Assert
        Assert.Equal("buyers", body.GetProperty("segmentId").GetString());
        var versions = body.GetProperty("versions").EnumerateArray().ToArray();
        Assert.Equal([1, 2, 3], versions.Select(static v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["orders_count > 0", "orders_count > 1", "orders_count(90d) >= 2"], versions.Select(static v => v.GetProperty("rule").GetString()));
        Assert.Equal(["Buyers", "Buyers", "Repeat buyers"], versions.Select(static v => v.GetProperty("name").GetString()));
        Assert.Equal(
            [SegmentTestSilo.Now, SegmentTestSilo.Now.AddMinutes(1), SegmentTestSilo.Now.AddMinutes(2)],
            versions.Select(static v => v.GetProperty("savedAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Create_WithTakenId_Returns409AndKeepsTheFirst()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("buyers", "Buyers", "orders_count > 0", guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Post, "/api/segments", HttpStatusCode.Conflict, guard.Token, Body("buyers", "Other", "can_email"));

        // Assert
        Assert.Equal("A segment with the id 'buyers' already exists; choose another id, or change that segment with PUT /api/segments/buyers.", body.GetProperty("detail").GetString());
        var kept = await silo.GetJsonAsync("/api/segments/buyers", guard.Token);
        Assert.Equal("orders_count > 0", kept.GetProperty("rule").GetString());
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/segments/nothing-here")]
    [InlineData("PUT", "/api/segments/nothing-here")]
    [InlineData("DELETE", "/api/segments/nothing-here")]
    [InlineData("GET", "/api/segments/nothing-here/versions")]
    [InlineData("GET", "/api/segments/nothing-here/members")]
    [InlineData("GET", "/api/segments/nothing-here/members.csv")]
    [InlineData("GET", "/api/segments/nothing-here/history")]
    public async Task Request_UnknownSegment_Returns404Problem(string method, string path)
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        using var response = await silo.SendAsync(
            new HttpMethod(method), path, guard.Token, method == "PUT" ? Body(null, "Nothing", "can_email") : null);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await Management.ManagementHttp.ReadJsonAsync(response, guard.Token);
        Assert.Equal("No segment has the id 'nothing-here'.", body.GetProperty("detail").GetString());
        using var afterwards = await silo.SendAsync(HttpMethod.Get, "/api/segments/nothing-here", guard.Token);
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Fact]
    public async Task Update_BodyIdNotThePathId_Returns400AndChangesNothing()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("buyers", "Buyers", "orders_count > 0", guard.Token);

        // Act
        var body = await silo.ExpectAsync(HttpMethod.Put, "/api/segments/buyers", HttpStatusCode.BadRequest, guard.Token, Body("sellers", "Buyers", "orders_count > 5"));

        // Assert
        Assert.Equal(["The id of the body ('sellers') is not the id of the path ('buyers'); an id cannot change."], Errors(body, "id"));
        var kept = await silo.GetJsonAsync("/api/segments/buyers", guard.Token);
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
        Assert.Equal("orders_count > 0", kept.GetProperty("rule").GetString());
    }
}
