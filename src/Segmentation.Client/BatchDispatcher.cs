using Microsoft.Extensions.Logging;

namespace Segmentation.Client;

/// <summary>
/// Takes batches from the queue and delivers each with retries: exponential backoff with full jitter or the
/// server's <c>Retry-After</c>, every wait on the configured <see cref="TimeProvider"/>. Runs on the delivery loop
/// only, one batch at a time.
/// </summary>
internal sealed class BatchDispatcher
{
    private readonly MessageQueue _queue;
    private readonly BatchSender _sender;
    private readonly ClientCounters _counters;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxRetries;
    private readonly TimeSpan _initialBackoff;
    private readonly TimeSpan _maxBackoff;
    private readonly Action<TrackingErrorEventArgs> _raiseError;

    public BatchDispatcher(
        MessageQueue queue,
        BatchSender sender,
        ClientCounters counters,
        TrackingClientOptions options,
        ILogger logger,
        Action<TrackingErrorEventArgs> raiseError)
    {
        _queue = queue;
        _sender = sender;
        _counters = counters;
        _logger = logger;
        _timeProvider = options.TimeProvider;
        _maxRetries = options.MaxRetries;
        _initialBackoff = options.InitialBackoff;
        _maxBackoff = options.MaxBackoff;
        _raiseError = raiseError;
    }

    /// <summary>
    /// Sends every full batch waiting, and the partial batches whose first message is at or before
    /// <paramref name="drainUpTo"/>. On cancellation the batch in flight stays counted in
    /// <see cref="ClientCounters.InFlight"/> for the caller to abandon.
    /// </summary>
    public async Task DrainAsync(long drainUpTo, CancellationToken stoppingToken)
    {
        while (_queue.TryTakeBatch(drainUpTo) is { } batch)
        {
            _counters.InFlight = batch.Count;
            try
            {
                await DeliverAsync(batch, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                TrackingClientLog.UnexpectedError(_logger, batch.Count, exception);
                _counters.AddFailed(batch.Count);
            }

            _counters.InFlight = 0;
        }
    }

    private async Task DeliverAsync(List<QueuedMessage> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await _sender.SendAsync(batch, stoppingToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case AttemptOutcome.Accepted:
                    _counters.AddSent(batch.Count);
                    TrackingClientLog.BatchSent(_logger, batch.Count, result.StatusCode ?? 200);
                    return;

                case AttemptOutcome.Rejected:
                    _counters.AddFailed(batch.Count);
                    TrackingClientLog.BatchRejected(_logger, batch.Count, result.StatusCode ?? 0);
                    Raise(TrackingFailureKind.Rejected, batch, result, attempt);
                    return;
            }

            if (result.Exception is { } exception)
            {
                TrackingClientLog.AttemptFailed(_logger, result.Reason, exception);
            }

            if (attempt > _maxRetries)
            {
                _counters.AddFailed(batch.Count);
                TrackingClientLog.RetriesExhausted(_logger, batch.Count, attempt, result.Reason);
                Raise(TrackingFailureKind.RetriesExhausted, batch, result, attempt);
                return;
            }

            var delay = RetryDelay.Next(attempt, _initialBackoff, _maxBackoff, result.RetryAfter);
            TrackingClientLog.BatchRetrying(
                _logger, batch.Count, result.Reason, attempt, _maxRetries, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _timeProvider, stoppingToken).ConfigureAwait(false);
            _counters.AddRetry();
        }
    }

    private void Raise(TrackingFailureKind kind, List<QueuedMessage> batch, AttemptResult result, int attempts)
    {
        var messageIds = batch.ConvertAll(message => message.MessageId);
        var args = new TrackingErrorEventArgs(
            kind, result.StatusCode, result.ResponseBody, messageIds.AsReadOnly(), attempts, result.Exception);
        try
        {
            _raiseError(args);
        }
        catch (Exception exception)
        {
            TrackingClientLog.ErrorHandlerFailed(_logger, exception);
        }
    }
}
