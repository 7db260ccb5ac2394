using System.Globalization;
using System.Net.Http;
using Segmentation.Client.Tests.Infrastructure;

namespace Segmentation.Client.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task ServerError_ThenSuccess_DeliversTheBatchOnceWithTheSameMessageIds()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Receiver.Script(ScriptedResponse.Status(500), ScriptedResponse.Ok);

        harness.TrackMany(2);
        var flush = harness.Client.FlushAsync();
        await harness.Receiver.WaitForRequestsAsync(1);
        await harness.WaitForBackoffAsync();
        harness.Time.Advance(ClientHarness.MaxBackoff);
        await flush.Guarded();

        var requests = harness.Receiver.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].MessageIds, requests[1].MessageIds);
        Assert.Equal(new TrackingClientStatistics { Enqueued = 2, Sent = 2, Retries = 1 }, harness.Statistics);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfterSeconds_WaitsExactlyThatLong()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Receiver.Script(new ScriptedResponse(429, RetryAfter: "7"), ScriptedResponse.Ok);

        harness.TrackMany(1);
        var flush = harness.Client.FlushAsync();
        var wait = await harness.Time.WaitForTimerAsync(t => t.IsOneShot && t.DueTime == TimeSpan.FromSeconds(7));
        Assert.Equal(ClientHarness.Start, wait.ScheduledAt);
        Assert.Single(harness.Receiver.Requests);

        harness.Time.Advance(TimeSpan.FromSeconds(7));
        await flush.Guarded();

        Assert.Equal(2, harness.Receiver.Requests.Count);
        Assert.Equal(1, harness.Statistics.Sent);
        Assert.Equal(1, harness.Statistics.Retries);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfterDate_WaitsUntilThatDate()
    {
        await using var harness = await ClientHarness.StartAsync();
        var retryAt = ClientHarness.Start.AddSeconds(20).ToString("R", CultureInfo.InvariantCulture);
        harness.Receiver.Script(new ScriptedResponse(429, RetryAfter: retryAt), ScriptedResponse.Ok);

        harness.TrackMany(1);
        var flush = harness.Client.FlushAsync();
        await harness.Time.WaitForTimerAsync(t => t.IsOneShot && t.DueTime == TimeSpan.FromSeconds(20));
        harness.Time.Advance(TimeSpan.FromSeconds(20));
        await flush.Guarded();

        Assert.Equal(2, harness.Receiver.Requests.Count);
        Assert.Equal(1, harness.Statistics.Sent);
    }

    [Theory]
    [InlineData(400, """{"error":"The batch has no valid items."}""")]
    [InlineData(401, """{"error":"Unknown write key."}""")]
    public async Task ClientError_IsNotRetried_AndIsCountedAndSurfaced(int status, string body)
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Receiver.Script(ScriptedResponse.Status(status, body));

        harness.TrackMany(2);
        await harness.Client.FlushAsync().Guarded();

        var request = Assert.Single(harness.Receiver.Requests);
        Assert.Equal(new TrackingClientStatistics { Enqueued = 2, Failed = 2 }, harness.Statistics);
        var error = Assert.Single(harness.Errors);
        Assert.Equal(TrackingFailureKind.Rejected, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(request.MessageIds, error.MessageIds);
        Assert.Null(error.Exception);
    }

    [Fact]
    public async Task RetriesExhausted_DropsTheBatchAndCountsIt()
    {
        await using var harness = await ClientHarness.StartAsync(o => o.MaxRetries = 2);
        harness.Receiver.Script(
            ScriptedResponse.Status(500), ScriptedResponse.Status(502), ScriptedResponse.Status(503, """{"error":"busy"}"""));

        harness.TrackMany(3);
        var flush = harness.Client.FlushAsync();
        for (var retry = 1; retry <= 2; retry++)
        {
            await harness.WaitForBackoffAsync(retry);
            harness.Time.Advance(ClientHarness.MaxBackoff);
        }

        await flush.Guarded();

        Assert.Equal(3, harness.Receiver.Requests.Count);
        Assert.Equal(new TrackingClientStatistics { Enqueued = 3, Failed = 3, Retries = 2 }, harness.Statistics);
        var error = Assert.Single(harness.Errors);
        Assert.Equal(TrackingFailureKind.RetriesExhausted, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("""{"error":"busy"}""", error.ResponseBody);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, error.MessageCount);
    }

    [Fact]
    public async Task RequestTimeout_IsRetried()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Receiver.Script(ScriptedResponse.NoAnswer, ScriptedResponse.Ok);

        harness.TrackMany(1);
        var flush = harness.Client.FlushAsync();
        await harness.Receiver.WaitForRequestsAsync(1);
        await harness.Time.WaitForTimerAsync(t => t.IsOneShot && t.DueTime == harness.Options.RequestTimeout);
        harness.Time.Advance(harness.Options.RequestTimeout);
        await harness.WaitForBackoffAsync();
        harness.Time.Advance(ClientHarness.MaxBackoff);
        await flush.Guarded();

        Assert.Equal(2, harness.Receiver.Requests.Count);
        Assert.Equal(harness.Receiver.Requests[0].MessageIds, harness.Receiver.Requests[1].MessageIds);
        Assert.Equal(new TrackingClientStatistics { Enqueued = 1, Sent = 1, Retries = 1 }, harness.Statistics);
    }

    [Fact]
    public async Task NetworkError_IsRetried_ThenReportedWithTheException()
    {
        Uri closedEndpoint;
        await using (var receiver = await TestReceiver.StartAsync())
        {
            closedEndpoint = receiver.BaseAddress;
        }

        var time = new FakeTimeProvider(ClientHarness.Start);
        var options = ClientHarness.DefaultOptions(closedEndpoint, time);
        options.MaxRetries = 1;
        await using var client = new TrackingClient(options);
        var errors = new List<TrackingErrorEventArgs>();
        client.Error += (_, e) => errors.Add(e);

        client.Track(TrackingIdentity.ForUser("user-1"), "Event 1");
        var flush = client.FlushAsync();
        await time.WaitForTimerAsync(t => t.IsOneShot && t.DueTime <= ClientHarness.MaxBackoff);
        time.Advance(ClientHarness.MaxBackoff);
        await flush.Guarded();

        Assert.Equal(new TrackingClientStatistics { Enqueued = 1, Failed = 1, Retries = 1 }, client.GetStatistics());
        var error = Assert.Single(errors);
        Assert.Equal(TrackingFailureKind.RetriesExhausted, error.Kind);
        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.Exception);
    }

    [Fact]
    public async Task ErrorHandler_ThatThrows_DoesNotStopTheClient()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Client.Error += (_, _) => throw new InvalidOperationException("handler bug");
        harness.Receiver.Script(ScriptedResponse.Status(400, """{"error":"bad"}"""));

        harness.TrackMany(1);
        await harness.Client.FlushAsync().Guarded();
        harness.TrackMany(1);
        await harness.Client.FlushAsync().Guarded();

        Assert.Equal(2, harness.Receiver.Requests.Count);
        Assert.Equal(1, harness.Statistics.Failed);
        Assert.Equal(1, harness.Statistics.Sent);
        Assert.Contains(harness.Logger.Entries, e => e.Contains("handler threw", StringComparison.Ordinal));
    }
}
