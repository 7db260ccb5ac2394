using System.Net;
using System.Net.Sockets;
using Segmentation.Import.Events;
using Segmentation.Import.Sending;
using Segmentation.Import.Tests.Infrastructure;

namespace Segmentation.Import.Tests;

/// <summary>The HTTP sender against a local receiver: batching, gzip, auth, retries, refusals, unreachable API.</summary>
public sealed class HttpBatchSinkTests
{
    [Fact]
    public async Task SendAsync_ManyEvents_PostsGzipBatchesWithTheWriteKeyAndNoSentAt()
    {
        await using var receiver = await TrackingReceiver.StartAsync();
        var events = Orders(250);
        using var sink = Sink(receiver.Endpoint);
        var reports = new List<SendProgress>();

        var outcome = await sink.SendAsync(events, new Recorder<SendProgress>(reports), CancellationToken.None);

        Assert.Equal((250L, 250L, 0L), (outcome.Total, outcome.Sent, outcome.Failed));
        Assert.False(outcome.Aborted);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.All(receiver.Requests, request => Assert.True(request.Gzip && request.Authorized && !request.HasSentAt));
        Assert.Equal([100L, 200L, 250L], reports.Select(r => r.Sent));
        Assert.Equal(events.Select(e => (e.MessageId, e.Timestamp)), receiver.Accepted.Select(m => (m.MessageId, m.Timestamp)));
    }

    [Fact]
    public async Task SendAsync_Overloaded_RetriesAndThenSucceeds()
    {
        await using var receiver = await TrackingReceiver.StartAsync();
        receiver.Script(503, retryAfter: "0");
        receiver.Script(429, retryAfter: "0");
        using var sink = Sink(receiver.Endpoint);

        var outcome = await sink.SendAsync(Orders(5), null, CancellationToken.None);

        Assert.Equal(5, outcome.Sent);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ItemRejectionsInTheAnswer_AreCountedAndAttributed()
    {
        await using var receiver = await TrackingReceiver.StartAsync();
        receiver.Script(200, "{\"success\":true,\"rejections\":[{\"index\":1,\"code\":\"missing_event\"}]}");
        var events = Orders(3);
        using var sink = Sink(receiver.Endpoint);

        var outcome = await sink.SendAsync(events, null, CancellationToken.None);

        Assert.Equal((2L, 1L), (outcome.Sent, outcome.Failed));
        Assert.Equal([events[1].MessageId], outcome.FailedMessageIds);
        Assert.Equal(1, outcome.FailuresByReason["item missing_event"]);
    }

    [Fact]
    public async Task SendAsync_BadRequest_FailsThatBatchOnlyWithTheApiCode()
    {
        await using var receiver = await TrackingReceiver.StartAsync();
        receiver.Script(400, "{\"error\":{\"code\":\"request_too_large\"}}");
        using var sink = Sink(receiver.Endpoint, batchSize: 2);

        var outcome = await sink.SendAsync(Orders(4), null, CancellationToken.None);

        Assert.Equal((2L, 2L), (outcome.Sent, outcome.Failed));
        Assert.Equal(2, outcome.FailuresByReason["http-400 request_too_large"]);
        Assert.False(outcome.Aborted);
    }

    [Fact]
    public async Task SendAsync_WrongWriteKey_StopsWithAClearReason()
    {
        await using var receiver = await TrackingReceiver.StartAsync();
        using var sink = Sink(receiver.Endpoint, writeKey: "wrong", batchSize: 2);

        var outcome = await sink.SendAsync(Orders(6), null, CancellationToken.None);

        Assert.Equal((0L, 6L), (outcome.Sent, outcome.Failed));
        Assert.Single(receiver.Requests);
        Assert.Contains("refused the write key", outcome.AbortReason, StringComparison.Ordinal);
        Assert.Equal(4, outcome.FailuresByReason["not-sent"]);
    }

    [Fact]
    public async Task SendAsync_NothingListening_StopsAsUnreachable()
    {
        using var sink = Sink(ClosedPortEndpoint(), maxRetries: 1);

        var outcome = await sink.SendAsync(Orders(3), null, CancellationToken.None);

        Assert.Equal((0L, 3L), (outcome.Sent, outcome.Failed));
        Assert.Contains("Cannot reach the tracking API", outcome.AbortReason, StringComparison.Ordinal);
    }

    internal static Uri ClosedPortEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static HttpBatchSink Sink(Uri endpoint, string writeKey = TrackingReceiver.WriteKey, int batchSize = 100, int maxRetries = 3) =>
        new(new HttpBatchSinkOptions
        {
            Endpoint = endpoint,
            WriteKey = writeKey,
            MaxBatchSize = batchSize,
            MaxRetries = maxRetries,
            InitialBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(10),
        });

    private static List<ImportEvent> Orders(int count)
    {
        var rows = Enumerable.Range(0, count).Select(i =>
            $"{600000 + i},SKU{i % 7},ITEM,{1 + (i % 3)},2011-0{1 + (i % 9)}-1{i % 10} 10:{i % 60:D2}:00,1.25,{12000 + (i % 11)}.0,United Kingdom");
        return new OrderEventFactory(new ImportSettings()).CreateAll(CsvText.Read(CsvText.Lines(rows.ToArray()))).ToList();
    }

    private sealed class Recorder<T>(List<T> values) : IProgress<T>
    {
        public void Report(T value) => values.Add(value);
    }
}
