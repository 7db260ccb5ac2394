namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// Bounds the requests in flight and tells when none is left. One acquirer at a time (the sender's scheduling loop);
/// releases come from any thread. The waiter resumes on the releasing thread, so a test whose sink answers
/// synchronously sees every step happen inline.
/// </summary>
internal sealed class InFlightLimiter
{
    private readonly Lock _lock = new();
    private readonly int _limit;
    private int _count;
    private int _maxObserved;
    private TaskCompletionSource? _slotWaiter;
    private TaskCompletionSource? _idleWaiter;

    public InFlightLimiter(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    /// <summary>Requests in flight now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>The most requests that were ever in flight at once.</summary>
    public int MaxObserved
    {
        get
        {
            lock (_lock)
            {
                return _maxObserved;
            }
        }
    }

    /// <summary>Takes a slot, waiting for one when all are taken.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TaskCompletionSource waiter;
            lock (_lock)
            {
                if (_count < _limit)
                {
                    _count++;
                    _maxObserved = Math.Max(_maxObserved, _count);
                    return;
                }

                waiter = _slotWaiter ??= new TaskCompletionSource();
            }

            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives a slot back.</summary>
    public void Release()
    {
        TaskCompletionSource? slot;
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            _count--;
            slot = _slotWaiter;
            _slotWaiter = null;
            if (_count == 0)
            {
                idle = _idleWaiter;
                _idleWaiter = null;
            }
        }

        slot?.TrySetResult();
        idle?.TrySetResult();
    }

    /// <summary>Completes when nothing is in flight.</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _count == 0 ? Task.CompletedTask : (_idleWaiter ??= new TaskCompletionSource()).Task;
        }
    }
}
