using Segmentation.LoadGenerator.Measurement;
using Segmentation.LoadGenerator.Sending;
using Segmentation.TestKit;

namespace Segmentation.LoadGenerator.Tests;

public sealed class RateControlledSenderTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LoadMeter _meter = new();
    private readonly CountingBatchSource _source = new();
    private readonly ScriptedSink _sink;

    public RateControlledSenderTests() => _sink = new ScriptedSink(_time);

    private DateTimeOffset Start { get; } = new FakeTimeProvider().GetUtcNow();

    [Fact]
    public async Task Batches_leave_when_their_last_event_is_due()
    {
        var summary = await RunAsync(Options(rate: 1_000, duration: TimeSpan.FromSeconds(1)));

        Assert.Equal(Enumerable.Range(1, 10).Select(k => TimeSpan.FromMilliseconds(100 * k)), _sink.Calls.Select(c => c.At));
        Assert.All(_sink.Calls, call => Assert.Equal(100, call.Events));
        Assert.Equal(Enumerable.Range(0, 10).Select(k => 100L * k), _sink.Calls.Select(c => c.FirstSequence));
        Assert.Equal(_sink.Calls.Select(c => Start + c.At), _source.SentAts);
        Assert.Equal(1_000, summary.EventsScheduled);
        Assert.Equal(0, summary.EventsUnsent);
        Assert.Equal(TimeSpan.FromSeconds(1), summary.Elapsed);
        var totals = _meter.Totals;
        Assert.Equal(1_000, totals.EventsSent);
        Assert.Equal(1_000, totals.EventsAcknowledged);
        Assert.Equal(10, totals.RequestsAcknowledged);
        Assert.Equal(0, totals.LateBatches);
    }

    [Fact]
    public async Task The_last_batch_holds_what_is_left_of_the_schedule()
    {
        await RunAsync(Options(rate: 250, duration: TimeSpan.FromSeconds(1)));

        Assert.Equal([100, 100, 50], _sink.Calls.Select(c => c.Events));
        Assert.Equal([TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(1)], _sink.Calls.Select(c => c.At));
    }

    [Fact]
    public async Task A_ramp_spaces_early_batches_further_apart()
    {
        var options = Options(rate: 1_000, duration: TimeSpan.FromSeconds(2), ramp: TimeSpan.FromSeconds(1), batchSize: 50);

        await RunAsync(options);

        Assert.Equal(1_500 / 50, _sink.Calls.Count);
        // Each batch leaves at its due time rounded up to the millisecond (timers tick in milliseconds, never early).
        Assert.Equal(Enumerable.Range(1, 30).Select(k => CeilingMs(options.Schedule.DueOffset(50L * k))), _sink.Calls.Select(c => c.At));
        Assert.Equal(10, _sink.Calls.Count(c => c.At <= TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(317), _sink.Calls[0].At); // sqrt(2 x 1 s x 50 / 1000/s) = 316.23 ms
    }

    [Fact]
    public async Task A_429_pauses_all_sending_for_its_retry_after_and_the_batch_is_sent_again()
    {
        _sink.Respond = call => call == 0 ? SinkResponse.Throttled(429, TimeSpan.FromSeconds(2)) : SinkResponse.Ok;

        var summary = await RunAsync(Options(rate: 1_000, duration: TimeSpan.FromSeconds(1)));

        var calls = _sink.Calls;
        Assert.Equal(11, calls.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(100), calls[0].At);
        Assert.All(calls.Skip(1), call => Assert.Equal(TimeSpan.FromMilliseconds(2_100), call.At));
        Assert.Equal(0, calls[1].FirstSequence);
        var totals = _meter.Totals;
        Assert.Equal(1, totals.Throttled);
        Assert.Equal(1, totals.Retries);
        Assert.Equal(11, totals.Requests);
        Assert.Equal(1_000, totals.EventsAcknowledged);
        Assert.Equal(0, totals.Errors);
        Assert.Equal(1, _meter.ErrorsByKey()["429"]);
        Assert.Equal(TimeSpan.FromMilliseconds(1_900), totals.MaxScheduleLag);
        Assert.Equal(9, totals.LateBatches);
        Assert.Equal(0, summary.EventsUnsent);
    }

    [Fact]
    public async Task A_429_without_retry_after_pauses_for_the_default()
    {
        _sink.Respond = call => call == 0 ? SinkResponse.Throttled(429, null) : SinkResponse.Ok;

        await RunAsync(Options(rate: 1_000, duration: TimeSpan.FromSeconds(1)) with { DefaultRetryAfter = TimeSpan.FromMilliseconds(750) });

        Assert.Equal(TimeSpan.FromMilliseconds(850), _sink.Calls[1].At);
        Assert.DoesNotContain(_sink.Calls.Skip(1), call => call.At < TimeSpan.FromMilliseconds(850));
    }

    [Fact]
    public async Task A_batch_throttled_more_often_than_the_retry_limit_counts_as_failed()
    {
        _sink.Respond = _ => SinkResponse.Throttled(429, TimeSpan.FromMilliseconds(10));

        var summary = await RunAsync(Options(rate: 100, duration: TimeSpan.FromSeconds(2)) with { MaxRetries = 3 });

        Assert.Equal(2 * 4, _sink.Calls.Count);
        var totals = _meter.Totals;
        Assert.Equal(8, totals.Throttled);
        Assert.Equal(6, totals.Retries);
        Assert.Equal(200, totals.EventsFailed);
        Assert.Equal(0, totals.EventsAcknowledged);
        Assert.Equal(0, summary.EventsUnsent);
    }

    [Fact]
    public async Task Other_errors_are_counted_by_status_and_not_retried()
    {
        _sink.Respond = call => call switch
        {
            1 => SinkResponse.Rejected(400, "bad batch"),
            2 => SinkResponse.TransportFailure("ConnectionError"),
            _ => SinkResponse.Ok,
        };

        await RunAsync(Options(rate: 1_000, duration: TimeSpan.FromSeconds(1)));

        Assert.Equal(10, _sink.Calls.Count);
        var totals = _meter.Totals;
        Assert.Equal(2, totals.Errors);
        Assert.Equal(200, totals.EventsFailed);
        Assert.Equal(800, totals.EventsAcknowledged);
        Assert.Equal(new Dictionary<string, long> { ["400"] = 1, ["transport:ConnectionError"] = 1 }, _meter.ErrorsByKey());
        Assert.Equal("bad batch", _meter.ErrorSamples()["400"]);
    }

    [Fact]
    public async Task The_concurrency_bound_holds_due_batches_back_and_the_lag_is_measured()
    {
        _sink.Hold = true;
        var sender = Sender(Options(rate: 1_000, duration: TimeSpan.FromSeconds(1), concurrency: 2));
        var running = sender.RunAsync(CancellationToken.None);

        await ClockDriver.AdvanceAsync(_time, running, Start + TimeSpan.FromMilliseconds(350));
        Assert.Equal(2, _sink.Calls.Count);
        Assert.Equal(2, sender.InFlight);

        WithoutSyncContext.Run(() => _sink.Complete(SinkResponse.Ok));

        Assert.Equal(3, _sink.Calls.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(350), _sink.Calls[2].At);
        _sink.Hold = false;
        while (_sink.HeldCount > 0)
        {
            WithoutSyncContext.Run(() => _sink.Complete(SinkResponse.Ok));
        }

        var summary = await ClockDriver.RunAsync(_time, running);
        Assert.Equal(10, _sink.Calls.Count);
        Assert.Equal(2, _sink.MaxInFlight);
        Assert.Equal(2, summary.MaxInFlight);
        Assert.Equal(TimeSpan.FromMilliseconds(50), _meter.Totals.MaxScheduleLag);
        Assert.Equal(1_000, _meter.Totals.EventsAcknowledged);
        var fromDue = _meter.LatencyFromDue();
        Assert.Equal(250_000_000, fromDue.MaxNanoseconds);
    }

    [Fact]
    public async Task Nothing_outlives_the_drain_deadline()
    {
        _sink.Hold = true;
        var sender = Sender(Options(rate: 1_000, duration: TimeSpan.FromSeconds(1), concurrency: 4) with { DrainTimeout = TimeSpan.FromSeconds(2) });

        var summary = await ClockDriver.RunAsync(_time, sender.RunAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(3), summary.Elapsed);
        Assert.True(summary.DeadlineReached);
        Assert.Equal(4, _sink.Calls.Count);
        Assert.Equal(600, summary.EventsUnsent);
        Assert.Equal(400, _meter.Totals.EventsAbandoned);
        Assert.Equal(0, _meter.Totals.EventsAcknowledged);
        Assert.Equal(0, sender.InFlight);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_deadline_abandons_the_batch_at_the_deadline()
    {
        _sink.Respond = call => call == 0 ? SinkResponse.Throttled(429, TimeSpan.FromMinutes(5)) : SinkResponse.Ok;
        var sender = Sender(Options(rate: 100, duration: TimeSpan.FromSeconds(1)) with { DrainTimeout = TimeSpan.FromSeconds(4) });

        var summary = await ClockDriver.RunAsync(_time, sender.RunAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(5), summary.Elapsed);
        Assert.Single(_sink.Calls);
        Assert.Equal(100, _meter.Totals.EventsAbandoned);
        Assert.Equal(0, summary.EventsUnsent);
    }

    [Fact]
    public async Task Stopping_ends_scheduling_and_drains_what_is_in_flight()
    {
        using var stop = new CancellationTokenSource();
        var sender = Sender(Options(rate: 1_000, duration: TimeSpan.FromSeconds(10)));
        var running = sender.RunAsync(stop.Token);

        await ClockDriver.AdvanceAsync(_time, running, Start + TimeSpan.FromMilliseconds(450));
        WithoutSyncContext.Run(stop.Cancel);
        var summary = await ClockDriver.RunAsync(_time, running);

        Assert.True(summary.Stopped);
        Assert.False(summary.DeadlineReached);
        Assert.Equal(4, _sink.Calls.Count);
        Assert.Equal(9_600, summary.EventsUnsent);
        Assert.Equal(400, _meter.Totals.EventsAcknowledged);
        Assert.Equal(TimeSpan.FromMilliseconds(450), summary.Elapsed);
    }

    [Fact]
    public async Task Ack_latency_is_measured_on_the_clock_from_send_to_answer()
    {
        _sink.Hold = true;
        var sender = Sender(Options(rate: 100, duration: TimeSpan.FromSeconds(1)));
        var running = sender.RunAsync(CancellationToken.None);

        await ClockDriver.AdvanceAsync(_time, running, Start + TimeSpan.FromMilliseconds(1_007));
        WithoutSyncContext.Run(() => _sink.Complete(SinkResponse.Ok));
        await ClockDriver.RunAsync(_time, running);

        var ack = _meter.AckLatency();
        Assert.Equal(1, ack.Count);
        Assert.Equal(7_000_000, ack.MaxNanoseconds);
    }

    private SenderOptions Options(double rate, TimeSpan duration, TimeSpan? ramp = null, int batchSize = 100, int concurrency = 64) => new()
    {
        Schedule = new RateSchedule(rate, ramp ?? TimeSpan.Zero, duration),
        BatchSize = batchSize,
        Concurrency = concurrency,
        DrainTimeout = TimeSpan.FromSeconds(10),
    };

    private static TimeSpan CeilingMs(TimeSpan value) => TimeSpan.FromMilliseconds(Math.Ceiling(value.TotalMilliseconds));

    private RateControlledSender Sender(SenderOptions options) => new(_sink, _source, options, _meter, _time);

    private Task<SendSummary> RunAsync(SenderOptions options) => ClockDriver.RunAsync(_time, Sender(options).RunAsync(CancellationToken.None));
}
