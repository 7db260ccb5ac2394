namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// A delay on a <see cref="TimeProvider"/>, rounded up to whole milliseconds (timers tick in milliseconds, so a
/// wait never ends early). Unlike <c>Task.Delay</c>, whether it completes by its timer or by cancellation the waiter
/// resumes on the completing thread, which keeps fake-clock tests deterministic.
/// </summary>
internal static class ClockDelay
{
    public static Task WaitAsync(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var wait = new TimerWait();
        wait.Start(timeProvider, TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), cancellationToken);
        return wait.Task;
    }

    private sealed class TimerWait
    {
        private readonly TaskCompletionSource _done = new();
        private ITimer? _timer;
        private CancellationTokenRegistration _registration;

        public Task Task => _done.Task;

        public void Start(TimeProvider timeProvider, TimeSpan due, CancellationToken cancellationToken)
        {
            _timer = timeProvider.CreateTimer(static state => ((TimerWait)state!).Finish(null), this, due, Timeout.InfiniteTimeSpan);
            _registration = cancellationToken.UnsafeRegister(static (state, token) => ((TimerWait)state!).Finish(token), this);
        }

        private void Finish(CancellationToken? canceledBy)
        {
            var finished = canceledBy is { } token ? _done.TrySetCanceled(token) : _done.TrySetResult();
            if (finished)
            {
                _timer?.Dispose();
                _registration.Dispose();
            }
        }
    }
}
