using System.Net;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Segments.SegmentJson;

namespace Segmentation.Silo.Tests.Segments;

/// <summary>A new or edited segment is evaluated over the existing customers; the API shows the progress and the exact count.</summary>
public sealed class SegmentBackfillEndpointTests
{
    [Fact]
    public async Task Create_AfterCustomersExist_BackfillCompletesWithTheExactCount()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.TrackAsync(
            guard.Token, Viewed("c-1", 30, "m1"), Viewed("c-2", 20, "m2"), Viewed("c-3", 10, "m3"), Identify("c-4", "c4@example.com", 5, "m4"));

        // Act
        var created = await silo.CreateAsync("viewers", "Viewers", "views(7d) > 0", guard.Token);
        await silo.WhenBackfilledAsync(guard.Token);
        var segment = await silo.GetJsonAsync("/api/segments/viewers", guard.Token);

        // Assert
        Assert.Equal(1, created.GetProperty("backfill").GetProperty("version").GetInt32());
        var backfill = segment.GetProperty("backfill");
        Assert.Equal("Complete", backfill.GetProperty("state").GetString());
        Assert.Equal(1, backfill.GetProperty("version").GetInt32());
        Assert.Equal(4, backfill.GetProperty("total").GetInt64());
        Assert.Equal(4, backfill.GetProperty("evaluated").GetInt64());
        Assert.Equal(SegmentTestSilo.Now, backfill.GetProperty("completedAt").GetDateTimeOffset());
        Assert.Equal(3, segment.GetProperty("count").GetInt64());
        Assert.Equal(["c-1", "c-2", "c-3"], MemberIds(await silo.GetJsonAsync("/api/segments/viewers/members", guard.Token)));
    }

    [Fact]
    public async Task Update_NarrowerRule_ReevaluatesEveryCustomer()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        await silo.CreateAsync("viewers", "Viewers", "views(7d) > 0", guard.Token);
        await silo.TrackAsync(guard.Token, Viewed("c-1", 30, "m1"), Viewed("c-2", 20, "m2"), Viewed("c-2", 15, "m3"), Viewed("c-3", 10, "m4"));

        // Act
        var updated = await silo.ExpectAsync(
            HttpMethod.Put, "/api/segments/viewers", HttpStatusCode.OK, guard.Token, Body(null, "Repeat viewers", "views(7d) > 1"));
        await silo.WhenBackfilledAsync(guard.Token);
        var segment = await silo.GetJsonAsync("/api/segments/viewers", guard.Token);

        // Assert
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("Complete", segment.GetProperty("backfill").GetProperty("state").GetString());
        Assert.Equal(2, segment.GetProperty("backfill").GetProperty("version").GetInt32());
        Assert.Equal(1, segment.GetProperty("count").GetInt64());
        Assert.Equal(["c-2"], MemberIds(await silo.GetJsonAsync("/api/segments/viewers/members", guard.Token)));
    }
}
