using System.Net;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Segments.SegmentJson;

namespace Segmentation.Silo.Tests.Segments;

public sealed class StarterSegmentEndpointTests
{
    [Fact]
    public async Task ListSegments_NewSilo_HasTheStartersOfTheSourceArticlesSortedById()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);

        // Act
        var list = await silo.GetJsonAsync("/api/segments", guard.Token);

        // Assert
        var starters = list.GetProperty("segments").EnumerateArray().Where(static s => s.GetProperty("starter").GetBoolean()).ToArray();
        var names = starters.Select(static s => s.GetProperty("name").GetString()).ToArray();
        Assert.Subset(
            names.ToHashSet(),
            new HashSet<string?> { "Recent Buyers", "Abandoned Cart", "High-Value", "Lapsed", "VIP", "New Customers", "RFM Champions", "RFM Hibernating" });
        Assert.Equal(16, starters.Length);
        Assert.All(starters, static s => Assert.Equal(1, s.GetProperty("version").GetInt32()));
        Assert.Equal(Ids(list).Order(StringComparer.Ordinal), Ids(list));
    }

    [Fact]
    public async Task Starter_EditedThenDeleted_BehavesLikeAnyOtherSegment()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await SegmentTestSilo.StartAsync(guard.Token);
        var list = await silo.GetJsonAsync("/api/segments", guard.Token);
        var recentBuyers = list.GetProperty("segments").EnumerateArray().Single(static s => s.GetProperty("name").GetString() == "Recent Buyers");
        var id = recentBuyers.GetProperty("id").GetString()!;

        // Act
        var edited = await silo.ExpectAsync(
            HttpMethod.Put, $"/api/segments/{id}", HttpStatusCode.OK, guard.Token, Body(null, "Recent Buyers", "orders_count(14d) > 0"));
        using var deleted = await silo.SendAsync(HttpMethod.Delete, $"/api/segments/{id}", guard.Token);

        // Assert
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        Assert.True(edited.GetProperty("starter").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(id, Ids(await silo.GetJsonAsync("/api/segments", guard.Token)));
    }
}
