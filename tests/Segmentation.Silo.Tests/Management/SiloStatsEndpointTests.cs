using System.Net;
using Segmentation.Runtime.Reminders;
using Segmentation.Silo.Management;
using Segmentation.Silo.Tests.Infrastructure;
using static Segmentation.Silo.Tests.Management.ManagementHttp;

namespace Segmentation.Silo.Tests.Management;

public sealed class SiloStatsEndpointTests
{
    [Fact]
    public async Task GetSiloStats_AfterEventsOfThreeCustomers_CountsThemAndTheirActivations()
    {
        // Arrange
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);
        await silo.AppendAsync(
            guard.Token,
            Track("m1", "Product Viewed", minutesAgo: 3, userId: "u1"),
            Track("m2", "Product Viewed", minutesAgo: 2, userId: "u2"),
            Track("m3", "Product Viewed", minutesAgo: 1, anonymousId: "a3"));

        // Act
        var body = await silo.GetJsonAsync("/api/silo", guard.Token);

        // Assert
        Assert.Equal("Ready", body.GetProperty("status").GetString());
        Assert.Equal(3, body.GetProperty("customers").GetInt64());
        Assert.InRange(body.GetProperty("activations").GetInt32(), 3, 1_000);
        Assert.Equal(0, body.GetProperty("reminderLateness").GetProperty("count").GetInt64());
        Assert.True(body.GetProperty("managedHeapBytes").GetInt64() > 0);
        Assert.True(body.GetProperty("workingSetBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task GetSiloStats_WithoutKey_Returns401()
    {
        using var guard = HangGuard.Start();
        await using var silo = await ManagementTestSilo.StartAsync(guard.Token);

        using var response = await silo.GetAsync("/api/silo", guard.Token, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void ReminderLatenessResponse_FromSummary_GivesMilliseconds()
    {
        var summary = new ReminderLatenessSummary(7, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(41), TimeSpan.FromSeconds(1.5));

        var response = ReminderLatenessResponse.From(summary);

        Assert.Equal(new ReminderLatenessResponse(7, 3, 41, 1_500), response);
    }
}
