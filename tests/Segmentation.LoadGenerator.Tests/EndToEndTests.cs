using System.Text.Json;
using Segmentation.LoadGenerator.Reporting;
using Segmentation.LoadGenerator.Sending;

namespace Segmentation.LoadGenerator.Tests;

/// <summary>Whole runs over HTTP against a local Kestrel receiver; counts are asserted exactly, never timings.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Every_event_sent_is_received_once_and_acknowledged_even_with_429s()
    {
        await using var receiver = await ValidatingReceiver.StartAsync(throttleEvery: 7);
        var options = new LoadOptions
        {
            Url = new UriBuilder(receiver.BaseUrl) { Host = "localhost" }.Uri, // resolved, then connected on loopback only
            WriteKey = ValidatingReceiver.WriteKey,
            Rate = 4_000,
            Duration = TimeSpan.FromSeconds(1.5),
            BatchSize = 50,
            Concurrency = 8,
            DrainTimeout = TimeSpan.FromSeconds(30),
            RunId = "e2e",
            Shoppers = ShopperStream.SmallPopulation(),
        };
        await using var sink = new HttpEventSink(options.Url, options.WriteKey, options.Concurrency, options.RequestTimeout);

        var report = await new LoadRun(options, sink).RunAsync(CancellationToken.None);

        Assert.Empty(receiver.Problems);
        Assert.Equal(6_000, report.Events.Scheduled);
        Assert.Equal(6_000, report.Events.Sent);
        Assert.Equal(6_000, report.Events.Acknowledged);
        Assert.Equal(6_000, receiver.AcceptedEvents);
        Assert.Equal(6_000, receiver.MessageIds.Count);
        Assert.All(receiver.MessageIds.Values, count => Assert.Equal(1, count));
        Assert.Equal(0, report.Events.Failed + report.Events.Abandoned + report.Events.Unsent);
        Assert.Equal(120, report.Requests.Batches);
        Assert.Equal(receiver.Requests, report.Requests.Attempts);
        Assert.Equal(receiver.Throttled, report.Requests.Throttled);
        Assert.Equal(receiver.Throttled, report.Requests.Retries);
        Assert.True(receiver.Throttled >= 120 / 7);
        Assert.Equal(receiver.Throttled, report.Requests.ErrorsByKey["429"]);
        Assert.Equal(0, report.Requests.Errors);
        Assert.Equal(120, report.AckLatency.Count);
        Assert.Equal(6_000, report.EventMix.Values.Sum());
    }

    [Fact]
    public async Task A_silo_that_is_down_gives_transport_errors_not_a_crash()
    {
        int port;
        await using (var receiver = await ValidatingReceiver.StartAsync(throttleEvery: int.MaxValue))
        {
            port = receiver.BaseUrl.Port;
        }

        var options = new LoadOptions
        {
            Url = new Uri($"http://127.0.0.1:{port}"),
            Rate = 100,
            Duration = TimeSpan.FromSeconds(0.5),
            RunId = "down",
            Shoppers = ShopperStream.SmallPopulation(),
        };
        await using var sink = new HttpEventSink(options.Url, options.WriteKey, 2, TimeSpan.FromSeconds(10));

        var report = await new LoadRun(options, sink).RunAsync(CancellationToken.None);

        Assert.Equal(50, report.Events.Sent);
        Assert.Equal(50, report.Events.Failed);
        Assert.Equal(0, report.Events.Acknowledged);
        Assert.Equal(1, report.Requests.Errors);
        Assert.StartsWith("transport:", Assert.Single(report.Requests.ErrorsByKey).Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_serializes_to_camel_case_json()
    {
        var options = new LoadOptions { Rate = 1_000, Duration = TimeSpan.FromSeconds(0.2), RunId = "json", Shoppers = ShopperStream.SmallPopulation() };
        await using var sink = new NullEventSink();

        var report = await new LoadRun(options, sink).RunAsync(CancellationToken.None);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, LoadReportJsonContext.Default.LoadReport));

        var root = json.RootElement;
        Assert.Equal("json", root.GetProperty("runId").GetString());
        Assert.Equal(200, root.GetProperty("events").GetProperty("acknowledged").GetInt64());
        Assert.Equal(200, sink.Events);
        Assert.Equal(2, root.GetProperty("requests").GetProperty("batches").GetInt64());
        Assert.Equal(2, root.GetProperty("ackLatency").GetProperty("count").GetInt64());
        Assert.True(root.GetProperty("latencyFromSchedule").TryGetProperty("p999Ms", out _));
        Assert.Equal(1_000, root.GetProperty("throughput").GetProperty("offeredEventsPerSecond").GetDouble());
        Assert.Equal(1_000, root.GetProperty("settings").GetProperty("rate").GetDouble());
        Assert.True(root.GetProperty("eventMix").GetProperty("Product Viewed").GetInt64() > 0);
    }
}
