using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>
/// Event times: clock-skew correction with sentAt, receive time for calls without a timestamp, future timestamps
/// clamped to the receive time, and the batch context merged into each call. The fake clock stands at 12:00.
/// </summary>
public sealed class TrackingTimestampTests
{
    private static readonly DateTimeOffset Now = TrackingTestSilo.Now;

    [Fact]
    public async Task PostBatch_SentAtFromAClockThreeHoursAhead_CorrectsEventTimes()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        // The client's clock says 15:00 when it sends; its event happened ten minutes before that.
        const string json = """
            {"sentAt":"2026-03-02T15:00:00Z","batch":[
              {"type":"track","userId":"u-skew","event":"Product Viewed","timestamp":"2026-03-02T14:50:00Z"}
            ]}
            """;

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        var viewed = Assert.Single((await silo.GetCustomerAsync("u-skew", guard.Token)).Profile!.Events);
        Assert.Equal(Now.AddMinutes(-10), viewed.LastAt);
    }

    [Fact]
    public async Task PostBatch_RudderStackStyleOriginalTimestampAndItemSentAt_CorrectsEventTimes()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        const string json = """
            {"sentAt":"2026-03-02T09:10:00.000Z","batch":[
              {"type":"track","userId":"u-rudder","event":"Product Viewed","channel":"server",
               "originalTimestamp":"2026-03-02T09:00:00.000Z","sentAt":"2026-03-02T09:10:00.000Z"}
            ]}
            """;

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        var viewed = Assert.Single((await silo.GetCustomerAsync("u-rudder", guard.Token)).Profile!.Events);
        Assert.Equal(Now.AddMinutes(-10), viewed.LastAt);
    }

    [Fact]
    public async Task PostTrack_NoTimestamp_TakesTheReceiveTime()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);

        using var response = await silo.PostAsync("/v1/track", """{"userId":"u-now","event":"Product Viewed"}""", guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        Assert.Equal(Now, Assert.Single((await silo.GetCustomerAsync("u-now", guard.Token)).Profile!.Events).LastAt);
    }

    [Theory]
    [InlineData("2026-03-02T13:00:00Z", "2026-03-02T12:00:00Z")] // an hour ahead: clamped
    [InlineData("2027-03-02T12:00:00Z", "2026-03-02T12:00:00Z")] // a year ahead: clamped
    [InlineData("2026-03-02T12:04:59Z", "2026-03-02T12:04:59Z")] // within the 5-minute tolerance: kept
    [InlineData("2026-03-02T12:05:00Z", "2026-03-02T12:05:00Z")] // exactly the tolerance: kept
    [InlineData("2026-03-02T12:05:01Z", "2026-03-02T12:00:00Z")] // just past it: clamped
    public async Task PostTrack_TimestampInTheFuture_IsClampedToTheReceiveTimeBeyondTheTolerance(string timestamp, string expected)
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        var json = $$"""{"userId":"u-future","event":"Product Viewed","timestamp":"{{timestamp}}"}""";

        using var response = await silo.PostAsync("/v1/track", json, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        var profile = (await silo.GetCustomerAsync("u-future", guard.Token)).Profile!;
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), profile.Identity.LatestEventAt);
    }

    [Fact]
    public async Task PostBatch_FutureEventAfterOldHistory_DoesNotAgeOutTheHistory()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        // A view 80 days ago is inside the 90-day window; an event stamped a year ahead would push it out.
        const string json = """
            {"batch":[
              {"type":"track","userId":"u-history","event":"Product Viewed","properties":{"product_id":"p-old"},"timestamp":"2025-12-12T12:00:00Z"},
              {"type":"track","userId":"u-history","event":"Product Viewed","properties":{"product_id":"p-new"},"timestamp":"2027-06-01T00:00:00Z"}
            ]}
            """;

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        var profile = (await silo.GetCustomerAsync("u-history", guard.Token)).Profile!;
        Assert.Equal(Now, profile.Identity.LatestEventAt);
        Assert.Equal(["p-new", "p-old"], profile.Browsing.RecentProducts.Select(static p => p.ProductKey));
    }

    [Fact]
    public async Task PostTrack_ConfiguredToleranceOfZero_ClampsAnyFutureTimestamp()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(
            guard.Token, new Dictionary<string, string> { ["Segmentation:Tracking:FutureTimestampTolerance"] = "00:00:00" });

        using var response = await silo.PostAsync(
            "/v1/track", """{"userId":"u-zero","event":"Product Viewed","timestamp":"2026-03-02T12:00:01Z"}""", guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        Assert.Equal(Now, (await silo.GetCustomerAsync("u-zero", guard.Token)).Profile!.Identity.LatestEventAt);
    }

    [Fact]
    public async Task PostBatch_BatchContext_IsMergedIntoEachCallWithTheCallsOwnValuesWinning()
    {
        using var guard = HangGuard.Start();
        await using var silo = await TrackingTestSilo.StartAsync(guard.Token);
        const string json = """
            {"context":{"timezone":"Europe/Berlin","location":{"country":"DE"}},"batch":[
              {"type":"page","userId":"u-context-1","name":"Home"},
              {"type":"page","userId":"u-context-2","name":"Home","context":{"timezone":"America/New_York","ip":"203.0.113.9"}}
            ]}
            """;

        using var response = await silo.PostAsync("/v1/batch", json, guard.Token);

        await TrackingHttp.AssertSuccessAsync(response, guard.Token);
        var first = (await silo.GetCustomerAsync("u-context-1", guard.Token)).Profile!.Traits;
        var second = (await silo.GetCustomerAsync("u-context-2", guard.Token)).Profile!.Traits;
        Assert.Equal(("Europe/Berlin", "DE"), (first.TimeZone, first.Country));
        Assert.Equal(("America/New_York", "DE"), (second.TimeZone, second.Country));
    }
}
