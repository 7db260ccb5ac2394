namespace Segmentation.Delivery.Outbox;

/// <summary>
/// A wake-up that is never lost: take <see cref="WaitAsync"/> before looking at the state, then await it; a
/// <see cref="Pulse"/> after the task was taken completes it.
/// </summary>
internal sealed class AsyncPulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync() => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
