using Segmentation.LoadGenerator.Measurement;

namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// Sends batches open-loop: each batch leaves when the last of its events is due by the <see cref="RateSchedule"/>,
/// whatever the target's latency, with at most <see cref="SenderOptions.Concurrency"/> requests in flight. When the
/// bound is reached, or the target asked to pause, due batches wait and then leave back to back (the lag is measured).
/// A 429 pauses all sending for its Retry-After and the batch is sent again. After the schedule's duration nothing new
/// is scheduled; whatever is still unsent or unacknowledged at duration + drain timeout is cancelled and counted.
/// Every wait goes through the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class RateControlledSender
{
    private readonly IEventSink _sink;
    private readonly IBatchSource _source;
    private readonly SenderOptions _options;
    private readonly LoadMeter _meter;
    private readonly TimeProvider _time;
    private readonly InFlightLimiter _inFlight;
    private readonly PauseGate _pause;
    private long? _startTimestamp;

    /// <summary>A sender of <paramref name="source"/>'s batches to <paramref name="sink"/>, measured by <paramref name="meter"/>.</summary>
    public RateControlledSender(IEventSink sink, IBatchSource source, SenderOptions options, LoadMeter meter, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DrainTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        _sink = sink;
        _source = source;
        _options = options;
        _meter = meter;
        _time = timeProvider;
        _inFlight = new InFlightLimiter(options.Concurrency);
        _pause = new PauseGate(timeProvider);
    }

    /// <summary>Requests in flight now.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Time since <see cref="RunAsync"/> started (zero before).</summary>
    public TimeSpan Elapsed => _startTimestamp is { } start ? _time.GetElapsedTime(start) : TimeSpan.Zero;

    /// <summary>
    /// Runs the schedule to its end and drains. Cancelling <paramref name="cancellationToken"/> stops scheduling new
    /// batches; those in flight then get at most the drain timeout.
    /// </summary>
    public async Task<SendSummary> RunAsync(CancellationToken cancellationToken)
    {
        var schedule = _options.Schedule;
        _startTimestamp = _time.GetTimestamp();
        var hardDeadline = schedule.Duration + _options.DrainTimeout;
        using var deadline = new CancellationTokenSource(hardDeadline, _time);
        using var scheduling = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        long scheduled = 0;
        try
        {
            while (scheduled < schedule.TotalEvents)
            {
                var count = (int)Math.Min(_options.BatchSize, schedule.TotalEvents - scheduled);
                var due = schedule.DueOffset(scheduled + count);
                TimeSpan wait;
                while ((wait = due - Elapsed) > TimeSpan.Zero)
                {
                    await ClockDelay.WaitAsync(_time, wait, scheduling.Token).ConfigureAwait(false);
                }

                await _inFlight.AcquireAsync(scheduling.Token).ConfigureAwait(false);
                EventBatch batch;
                try
                {
                    await _pause.WaitAsync(scheduling.Token).ConfigureAwait(false);

                    // The deadline's token may be cancelled while its callbacks (the linked token among them) still run.
                    deadline.Token.ThrowIfCancellationRequested();
                    scheduling.Token.ThrowIfCancellationRequested();
                    batch = _source.NextBatch(count, _time.GetUtcNow());
                }
                catch
                {
                    _inFlight.Release();
                    throw;
                }

                scheduled += batch.EventCount;
                _meter.BatchSent(batch.EventCount, Elapsed - due);
                _ = SendAsync(batch, due, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (scheduling.IsCancellationRequested || deadline.IsCancellationRequested)
        {
        }

        var stopped = cancellationToken.IsCancellationRequested && scheduled < schedule.TotalEvents;
        if (stopped && !deadline.IsCancellationRequested && _options.DrainTimeout < hardDeadline - Elapsed)
        {
            deadline.CancelAfter(_options.DrainTimeout);
        }

        var idle = _inFlight.WhenIdleAsync();
        if (!idle.IsCompleted)
        {
            try
            {
                await idle.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // Every send observes the same token; wait for them to count their events as abandoned.
                await _inFlight.WhenIdleAsync().ConfigureAwait(false);
            }
        }

        return new SendSummary
        {
            EventsScheduled = schedule.TotalEvents,
            EventsUnsent = schedule.TotalEvents - scheduled,
            Stopped = stopped,
            DeadlineReached = deadline.IsCancellationRequested,
            Elapsed = Elapsed,
            MaxInFlight = _inFlight.MaxObserved,
        };
    }

    private async Task SendAsync(EventBatch batch, TimeSpan due, CancellationToken deadline)
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0)
                {
                    await _pause.WaitAsync(deadline).ConfigureAwait(false);
                }

                var sentAt = _time.GetTimestamp();
                SinkResponse response;
                try
                {
                    response = await _sink.SendAsync(batch, deadline).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception exception)
                {
                    response = SinkResponse.TransportFailure(exception.GetType().Name, exception.Message);
                }

                var latency = _time.GetElapsedTime(sentAt);
                _meter.AttemptCompleted(isRetry: attempt > 0);
                if (response.Outcome == SinkOutcome.Accepted)
                {
                    var elapsed = Elapsed;
                    _meter.Acknowledged(batch.EventCount, latency, elapsed - due, elapsed);
                    return;
                }

                var throttled = response.Outcome == SinkOutcome.Throttled;
                _meter.Error(response.ErrorKey ?? "unknown", response.Detail, throttled);
                if (!throttled || attempt >= _options.MaxRetries)
                {
                    _meter.EventsLost(batch.EventCount, abandonedAtDeadline: false);
                    return;
                }

                _pause.PauseFor(response.RetryAfter ?? _options.DefaultRetryAfter);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            _meter.EventsLost(batch.EventCount, abandonedAtDeadline: true);
        }
        finally
        {
            batch.Dispose();
            _inFlight.Release();
        }
    }
}
