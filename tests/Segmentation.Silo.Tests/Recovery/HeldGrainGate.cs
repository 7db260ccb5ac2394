namespace Segmentation.Silo.Tests.Recovery;

/// <summary>Where <see cref="HeldGrain"/> waits: tells the test it got there, and goes on once the test opens it.</summary>
public sealed class HeldGrainGate
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync()
    {
        _reached.TrySetResult();
        return _open.Task;
    }

    public Task WhenReachedAsync() => _reached.Task;

    public void Open() => _open.TrySetResult();
}
