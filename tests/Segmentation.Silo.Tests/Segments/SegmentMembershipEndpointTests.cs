using System.Net;
using System.Text.Json;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Segments.SegmentJson;

namespace Segmentation.Silo.Tests.Segments;

/// <summary>Events sent through <c>/v1/batch</c> move customers into segments; the API shows them.</summary>
public sealed class SegmentMembershipEndpointTests
{
    private const string ViewersRule = "views(7d) > 0";

    [Fact]
    public async Task GetSegment_AfterTrackedEvents_CountsExactlyTheMatchingCustomers()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("viewers", "Viewers", ViewersRule, guard.Token);

        // Act
        await silo.TrackAsync(
            guard.Token,
            Viewed("c-1", 30, "m1"),
            Viewed("c-2", 20, "m2"),
            Viewed("c-2", 10, "m3"),
            Viewed("c-3", 5, "m4"),
            Identify("c-4", "c4@example.com", 5, "m5"));

        // Assert
        var segment = await silo.GetJsonAsync("/api/segments/viewers", guard.Token);
        Assert.Equal(3, segment.GetProperty("count").GetInt64());
        Assert.Equal(3, segment.GetProperty("entered").GetInt64());
        Assert.Equal(0, segment.GetProperty("left").GetInt64());
        var members = await silo.GetJsonAsync("/api/segments/viewers/members", guard.Token);
        Assert.Equal(["c-1", "c-2", "c-3"], MemberIds(members));
        Assert.Equal(3, members.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task GetMembers_PagedByTwo_ReturnsSortedPagesAndNoCursorOnTheLast()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("viewers", "Viewers", ViewersRule, guard.Token);
        await silo.TrackAsync(guard.Token, [.. new[] { "c-5", "c-3", "c-1", "c-4", "c-2" }.Select((id, i) => Viewed(id, 10 + i, $"m{i}"))]);

        // Act
        var page1 = await silo.GetJsonAsync("/api/segments/viewers/members?limit=2", guard.Token);
        var page2 = await silo.GetJsonAsync(page1.GetProperty("nextLink").GetString()!, guard.Token);
        var page3 = await silo.GetJsonAsync(
            $"/api/segments/viewers/members?limit=2&cursor={Uri.EscapeDataString(page2.GetProperty("next").GetString()!)}", guard.Token);

        // Assert
        Assert.Equal(["c-1", "c-2"], MemberIds(page1));
        Assert.Equal(["c-3", "c-4"], MemberIds(page2));
        Assert.Equal(["c-5"], MemberIds(page3));
        Assert.All(new[] { page1, page2, page3 }, page => Assert.Equal(5, page.GetProperty("total").GetInt64()));
        Assert.Equal(JsonValueKind.Null, page3.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, page3.GetProperty("nextLink").ValueKind);
        var first = page1.GetProperty("members")[0];
        Assert.Equal(SegmentTestSilo.Now, first.GetProperty("since").GetDateTimeOffset());
    }

    [Fact]
    public async Task ExportMembers_MoreThanOnePage_StreamsEveryMemberAsQuotedCsv()
    {
        // Arrange: more members than one page of the directory, and ids that need quoting.
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("viewers", "Viewers", ViewersRule, guard.Token);
        var ids = Enumerable.Range(0, 1203).Select(static i => $"c-{i:D4}").Concat(["say \"hi\"", "a,b"]).ToArray();
        foreach (var chunk in ids.Chunk(500))
        {
            await silo.TrackAsync(guard.Token, [.. chunk.Select(static id => Viewed(id, 15, $"m-{id}"))]);
        }

        // Act
        using var response = await silo.SendAsync(HttpMethod.Get, "/api/segments/viewers/members.csv", guard.Token);
        var csv = await response.Content.ReadAsStringAsync(guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("segment-viewers-members.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = csv.Split("\r\n");
        Assert.Equal("customer_id,since", lines[0]);
        Assert.Equal(string.Empty, lines[^1]);
        var rows = lines[1..^1];
        Assert.Equal(ids.Length, rows.Length);
        Assert.Equal("\"a,b\",2026-03-02T12:00:00Z", rows[0]);
        Assert.Equal("c-0000,2026-03-02T12:00:00Z", rows[1]);
        Assert.Equal("c-1202,2026-03-02T12:00:00Z", rows[1203]);
        Assert.Equal("\"say \"\"hi\"\"\",2026-03-02T12:00:00Z", rows[^1]);
        var segment = await silo.GetJsonAsync("/api/segments/viewers", guard.Token);
        Assert.Equal(ids.Length, segment.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task ExportMembers_EmptySegment_WritesTheHeaderOnly()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("viewers", "Viewers", ViewersRule, guard.Token);

        // Act
        using var response = await silo.SendAsync(HttpMethod.Get, "/api/segments/viewers/members.csv", guard.Token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("customer_id,since\r\n", await response.Content.ReadAsStringAsync(guard.Token));
    }

    [Fact]
    public async Task GetHistory_AfterEntriesAndAMinute_ShowsTheBucketsWithCountsAndMoves()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("viewers", "Viewers", ViewersRule, guard.Token);
        await silo.TrackAsync(guard.Token, Viewed("c-1", 1, "m1"), Viewed("c-2", 1, "m2"));
        silo.Clock.Advance(TimeSpan.FromMinutes(2));
        await silo.WhenIdleAsync(guard.Token);

        // Act
        var minutes = await silo.GetJsonAsync("/api/segments/viewers/history", guard.Token);
        var hours = await silo.GetJsonAsync("/api/segments/viewers/history?resolution=hour", guard.Token);

        // Assert
        Assert.Equal("viewers", minutes.GetProperty("segmentId").GetString());
        Assert.Equal("minute", minutes.GetProperty("resolution").GetString());
        Assert.Equal("hour", hours.GetProperty("resolution").GetString());
        var points = minutes.GetProperty("points").EnumerateArray().ToArray();
        Assert.NotEmpty(points);
        Assert.All(points, static p => Assert.Equal(0, p.GetProperty("at").GetDateTimeOffset().Second));
        Assert.Equal(2, points.Sum(static p => p.GetProperty("entered").GetInt64()));
        Assert.Equal(0, points.Sum(static p => p.GetProperty("left").GetInt64()));
        Assert.Equal(2, points[^1].GetProperty("count").GetInt64());
        var hourPoints = hours.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(2, hourPoints.Sum(static p => p.GetProperty("entered").GetInt64()));
    }

    [Fact]
    public async Task GetCustomer_InATimeWindowSegment_SaysWhenItsSegmentsAreEvaluatedAgain()
    {
        // Arrange: the view leaves the one-day window a day after it; the starters change later than that.
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("day-viewers", "Day viewers", "views(1d) > 0", guard.Token);
        await silo.TrackAsync(guard.Token, Viewed("c-1", 30, "m1"));
        var leavesAt = SegmentTestSilo.Now.AddMinutes(-30).AddDays(1);

        // Act
        var member = await silo.GetJsonAsync("/api/customers/c-1", guard.Token);
        silo.Clock.Advance(leavesAt - SegmentTestSilo.Now);
        await silo.WhenIdleAsync(guard.Token);
        var left = await silo.GetJsonAsync("/api/customers/c-1", guard.Token);

        // Assert
        Assert.Equal(leavesAt, member.GetProperty("nextSegmentChangeAt").GetDateTimeOffset());
        Assert.Contains("day-viewers", SegmentIdsOf(member));
        Assert.DoesNotContain("day-viewers", SegmentIdsOf(left));
        Assert.True(left.GetProperty("nextSegmentChangeAt").GetDateTimeOffset() > leavesAt);
    }

    [Fact]
    public async Task GetCustomer_MemberOfASegment_ListsItWithWhenItEntered()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("viewers", "Viewers", ViewersRule, guard.Token);
        await silo.TrackAsync(guard.Token, Viewed("c-1", 30, "m1"), Identify("c-2", "c2@example.com", 20, "m2"));

        // Act
        var member = await silo.GetJsonAsync("/api/customers/c-1", guard.Token);
        var other = await silo.GetJsonAsync("/api/customers/c-2", guard.Token);

        // Assert
        var viewers = member.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("segmentId").GetString() == "viewers");
        Assert.Equal("Viewers", viewers.GetProperty("name").GetString());
        Assert.Equal(SegmentTestSilo.Now, viewers.GetProperty("since").GetDateTimeOffset());
        Assert.DoesNotContain("viewers", other.GetProperty("segments").EnumerateArray().Select(static s => s.GetProperty("segmentId").GetString()));
    }

    private static string?[] SegmentIdsOf(JsonElement customer) =>
        [.. customer.GetProperty("segments").EnumerateArray().Select(static s => s.GetProperty("segmentId").GetString())];
}
