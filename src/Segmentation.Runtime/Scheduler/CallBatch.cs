namespace Segmentation.Runtime.Scheduler;

/// <summary>
/// The calls of one <see cref="IClusterClient.InvokeEachAsync"/>: completes once each has run, with the first failure
/// if any failed.
/// </summary>
internal sealed class CallBatch(int count)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;
    private int _pending = count;

    public Task Task => _done.Task;

    /// <summary>Calls that have not run yet.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Completed()
    {
        if (Interlocked.Decrement(ref _pending) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _failure) is { } failure)
        {
            _done.TrySetException(failure);
        }
        else
        {
            _done.TrySetResult();
        }
    }

    public void Failed(Exception exception)
    {
        Interlocked.CompareExchange(ref _failure, exception, null);
        Completed();
    }
}
