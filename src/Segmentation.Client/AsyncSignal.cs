namespace Segmentation.Client;

/// <summary>
/// An auto-reset wake-up for one waiting loop: any number of <see cref="Set"/> calls before the loop wakes
/// coalesce into one wake-up, and a <see cref="Set"/> is never lost.
/// </summary>
internal sealed class AsyncSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private int _pending;

    public void Set()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _semaphore.Release();
        }
    }

    /// <summary>Waits for a <see cref="Set"/>; the caller reads the state it guards after this returns.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _pending, 0);
    }

    public void Dispose() => _semaphore.Dispose();
}
