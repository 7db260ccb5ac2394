using System.Globalization;
using Segmentation.Silo.Tests.Infrastructure;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>
/// The real npm tracking SDKs, unmodified, sending to the built silo process: Segment's @segment/analytics-node
/// (JSON, Basic auth plus writeKey in the body, timestamp) and RudderStack's @rudderstack/rudder-sdk-node (gzip as
/// x-www-form-urlencoded, originalTimestamp and sentAt, identify traits copied into context.traits). The profile is
/// read back through the management API.
/// </summary>
public sealed class TrackingSdkTests
{
    private const string WriteKey = "sdk-tests-write-key-00000001";

    [Theory]
    [InlineData("segment.js", "u-segment-sdk", "/v1/batch content-type=application/json body-writeKey=yes")]
    [InlineData("rudderstack.js", "u-rudderstack-sdk", "/v1/batch content-encoding=gzip")]
    public async Task Sdk_IdentifyTrackAndPage_AreAppliedToTheProfile(string script, string userId, string wireFormat)
    {
        using var guard = HangGuard.Start();
        using var temp = new TempDirectory();
        var startedAt = DateTimeOffset.UtcNow;
        await using var silo = SiloProcess.Start(temp.Combine("data"), TrackingTestSilo.ProcessEnvironment(WriteKey, "sdk-tests"));
        await silo.WaitUntilReadyAsync(guard.Token);

        var (exitCode, output) = await NodeSdk.RunAsync(script, silo.BaseAddress, WriteKey, userId, guard.Token);
        Assert.True(exitCode == 0, $"node {script} exited with {exitCode}:{Environment.NewLine}{output}{silo.Describe()}");
        Assert.Contains(wireFormat, output, StringComparison.Ordinal);
        var profile = await ManagementApiReader.GetProfileAsync(silo.BaseAddress, userId, guard.Token);
        Assert.Equal(0, await silo.StopGracefullyAsync(guard.Token));

        Assert.Equal(userId, profile.GetProperty("identity").GetProperty("userId").GetString());
        Assert.Equal($"{userId}@example.com", profile.GetProperty("traits").GetProperty("email").GetString());
        var viewed = Assert.Single(profile.GetProperty("events").EnumerateArray());
        Assert.Equal("Product Viewed", viewed.GetProperty("name").GetString());
        Assert.Equal(1, viewed.GetProperty("count").GetInt32());
        // The SDK stamped the view two hours before it sent it; skew correction keeps that distance.
        Assert.InRange(Time(viewed.GetProperty("lastAt")), startedAt.AddHours(-3), startedAt.AddHours(-1));
        // The page call carries the SDK's current time.
        Assert.True(Time(profile.GetProperty("browsing").GetProperty("lastSiteActivityAt")) > startedAt.AddMinutes(-1));
    }

    private static DateTimeOffset Time(System.Text.Json.JsonElement element) =>
        DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture);
}
