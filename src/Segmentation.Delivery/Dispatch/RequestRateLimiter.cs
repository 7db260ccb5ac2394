namespace Segmentation.Delivery.Dispatch;

/// <summary>
/// At most <c>perSecond</c> requests in each second of the injected clock (seconds counted from the limiter's start):
/// a bucket of that many tokens, filled up again at every second boundary. Callers wait in turn; a caller that finds
/// the bucket empty waits for the next boundary. The clock is the injected one, so tests move it by hand.
/// </summary>
internal sealed class RequestRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly int _perSecond;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _origin;
    private long _window;
    private int _tokens;

    public RequestRateLimiter(int perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        _perSecond = perSecond;
        _time = time;
        _origin = time.GetUtcNow();
        _tokens = perSecond;
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                var window = (now - _origin).Ticks / Window.Ticks;
                if (window > _window)
                {
                    _window = window;
                    _tokens = _perSecond;
                }

                if (_tokens > 0)
                {
                    _tokens--;
                    return;
                }

                // Timers have millisecond resolution: round up, so the wait never ends before the boundary.
                var wait = _origin + ((_window + 1) * Window) - now;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
