using Microsoft.Extensions.Logging;

namespace Segmentation.Client;

/// <summary>
/// The background loop of a <see cref="TrackingClient"/>. It wakes when a full batch is queued, when the flush
/// interval elapses with messages queued, on <see cref="FlushAsync"/> and on <see cref="StopAsync"/>, and hands
/// the queue to the <see cref="BatchDispatcher"/>. One batch is in flight at a time.
/// </summary>
internal sealed class DeliveryLoop
{
    private readonly MessageQueue _queue;
    private readonly BatchDispatcher _dispatcher;
    private readonly ClientCounters _counters;
    private readonly TrackingClientOptions _options;
    private readonly ILogger _logger;
    private readonly AsyncSignal _signal = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly ITimer _flushTimer;
    private readonly Task _loop;
    private List<TaskCompletionSource> _flushWaiters = [];
    private bool _exited;
    private int _intervalDue;
    private volatile bool _completing;

    public DeliveryLoop(
        MessageQueue queue, BatchDispatcher dispatcher, ClientCounters counters, TrackingClientOptions options, ILogger logger)
    {
        _queue = queue;
        _dispatcher = dispatcher;
        _counters = counters;
        _options = options;
        _logger = logger;

        // The loop and the timer belong to the client, not to whichever request happened to create it.
        using (ExecutionContext.SuppressFlow())
        {
            _flushTimer = options.TimeProvider.CreateTimer(
                static state => ((DeliveryLoop)state!).OnFlushInterval(), this, options.FlushInterval, options.FlushInterval);
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Tells the loop that a full batch is waiting.</summary>
    public void Wake() => _signal.Set();

    /// <summary>Completes once everything queued before the call has been sent, failed or dropped.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_exited)
            {
                return;
            }

            _flushWaiters.Add(waiter);
        }

        _signal.Set();
        await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the queue, sends what it holds for at most <see cref="TrackingClientOptions.ShutdownTimeout"/>, then
    /// cancels whatever is still going on and counts it as abandoned.
    /// </summary>
    public async Task StopAsync()
    {
        _queue.Close();
        _completing = true;
        _signal.Set();
        try
        {
            await _loop.WaitAsync(_options.ShutdownTimeout, _options.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var unsent = _queue.Count + _counters.InFlight;
            TrackingClientLog.ShutdownTimedOut(_logger, (long)_options.ShutdownTimeout.TotalMilliseconds, unsent);
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
        }

        await _flushTimer.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _signal.Dispose();
    }

    private void OnFlushInterval()
    {
        if (_queue.Count > 0)
        {
            Interlocked.Exchange(ref _intervalDue, 1);
            _signal.Set();
        }
    }

    private async Task RunAsync()
    {
        var stoppingToken = _stopping.Token;
        List<TaskCompletionSource> waiters = [];
        try
        {
            while (true)
            {
                await _signal.WaitAsync(stoppingToken).ConfigureAwait(false);
                lock (_gate)
                {
                    waiters = _flushWaiters;
                    _flushWaiters = [];
                }

                var completing = _completing;
                var intervalDue = Interlocked.Exchange(ref _intervalDue, 0) == 1;

                // Sequence numbers start at 1, so 0 sends full batches only.
                var drainUpTo = completing || intervalDue || waiters.Count > 0 ? _queue.LastSequence : 0;
                await _dispatcher.DrainAsync(drainUpTo, stoppingToken).ConfigureAwait(false);
                waiters.ForEach(waiter => waiter.TrySetResult());
                if (completing)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The shutdown timeout ran out: what is left is abandoned below.
        }
        finally
        {
            _counters.AddAbandoned(_queue.Clear() + _counters.InFlight);
            _counters.InFlight = 0;
            lock (_gate)
            {
                _exited = true;
                waiters.AddRange(_flushWaiters);
                _flushWaiters = [];
            }

            // Flushes end with the loop: what they waited for is now sent, failed or abandoned.
            waiters.ForEach(waiter => waiter.TrySetResult());
        }
    }
}
