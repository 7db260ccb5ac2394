using System.Text.Json.Nodes;
using Segmentation.Client.Tests.Infrastructure;

namespace Segmentation.Client.Tests;

public sealed class ValidationTests
{
    [Fact]
    public void Identity_NeedsAUserIdOrAnAnonymousId()
    {
        var neither = Assert.Throws<ArgumentException>(() => new TrackingIdentity(null, null));
        Assert.Contains("user id or an anonymous id", neither.Message, StringComparison.Ordinal);

        Assert.Equal("userId", Assert.Throws<ArgumentException>(() => new TrackingIdentity("", "anon-1")).ParamName);
        Assert.Equal("anonymousId", Assert.Throws<ArgumentException>(() => new TrackingIdentity("user-1", "  ")).ParamName);
        Assert.Throws<ArgumentNullException>(() => TrackingIdentity.ForUser(null!));
        Assert.Throws<ArgumentException>(() => TrackingIdentity.ForAnonymous(" "));

        var both = new TrackingIdentity("user-1", "anon-1");
        Assert.Equal(("user-1", "anon-1"), (both.UserId, both.AnonymousId));
        Assert.Equal(TrackingIdentity.ForUser("user-1"), new TrackingIdentity("user-1", null));
    }

    [Fact]
    public async Task Calls_WithMissingArguments_ThrowAndQueueNothing()
    {
        await using var harness = await ClientHarness.StartAsync();
        var user = TrackingIdentity.ForUser("user-1");

        Assert.Throws<ArgumentNullException>(() => harness.Client.Track(null!, "Event"));
        Assert.Throws<ArgumentException>(() => harness.Client.Track(user, " "));
        Assert.Throws<ArgumentException>(() => harness.Client.Page(user, ""));
        Assert.Throws<ArgumentException>(() => harness.Client.Alias("", "user-1"));
        Assert.Throws<ArgumentNullException>(() => harness.Client.Alias("anon-1", null!));

        Assert.Equal(new TrackingClientStatistics(), harness.Statistics);
    }

    [Fact]
    public async Task OversizeEvent_IsRejectedSynchronously_NamingTheLimit()
    {
        await using var harness = await ClientHarness.StartAsync();
        var huge = new JsonObject { ["blob"] = new string('x', 40_000) };

        var error = Assert.Throws<ArgumentException>(
            () => harness.Client.Track(TrackingIdentity.ForUser("user-1"), "Big", huge));

        Assert.Equal("properties", error.ParamName);
        Assert.Contains("32,768 bytes per event", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxEventBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            "traits",
            Assert.Throws<ArgumentException>(() => harness.Client.Identify(TrackingIdentity.ForUser("u"), huge)).ParamName);
        Assert.Equal(new TrackingClientStatistics(), harness.Statistics);

        Assert.True(harness.Client.Track(TrackingIdentity.ForUser("user-1"), "Small"));
    }

    public static TheoryData<string, Action<TrackingClientOptions>> InvalidOptions => new()
    {
        { "Endpoint is required", o => o.Endpoint = null },
        { "absolute http or https", o => o.Endpoint = new Uri("ftp://example.com/") },
        { "WriteKey is required", o => o.WriteKey = " " },
        { "MaxBatchSize must be between 1 and 10,000", o => o.MaxBatchSize = 0 },
        { "MaxBatchBytes must be at least MaxEventBytes + 64", o => o.MaxBatchBytes = 32 * 1024 },
        { "FlushInterval must be positive", o => o.FlushInterval = TimeSpan.Zero },
        { "MaxQueueSize must be at least 1", o => o.MaxQueueSize = 0 },
        { "QueueFullPolicy must be DropNewest or DropOldest", o => o.QueueFullPolicy = (QueueFullPolicy)7 },
        { "MaxRetries must be between 0 and 100", o => o.MaxRetries = -1 },
        { "MaxBackoff (00:00:00.1000000) must not be less than InitialBackoff", o => o.MaxBackoff = TimeSpan.FromMilliseconds(100) },
        { "RequestTimeout must be positive", o => o.RequestTimeout = TimeSpan.Zero },
        { "ShutdownTimeout must be zero or more", o => o.ShutdownTimeout = TimeSpan.FromSeconds(-5) },
        { "TimeProvider must not be null", o => o.TimeProvider = null! },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Options_WhenInvalid_AreRejectedWithAClearMessage(string expected, Action<TrackingClientOptions> breakIt)
    {
        var options = ClientHarness.DefaultOptions(new Uri("http://127.0.0.1:9/"), TimeProvider.System);
        breakIt(options);

        var error = Assert.Throws<ArgumentException>(() => new TrackingClient(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid TrackingClientOptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_AreValid()
    {
        var options = new TrackingClientOptions { Endpoint = new Uri("https://track.example.com/"), WriteKey = "key" };

        options.Validate();

        Assert.Equal(
            (100, 500 * 1024, 32 * 1024, TimeSpan.FromSeconds(1), 10_000, true),
            (options.MaxBatchSize, options.MaxBatchBytes, options.MaxEventBytes, options.FlushInterval, options.MaxQueueSize, options.Gzip));
    }
}
