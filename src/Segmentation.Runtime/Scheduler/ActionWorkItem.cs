using Segmentation.Runtime.Catalog;

namespace Segmentation.Runtime.Scheduler;

/// <summary>A turn of the runtime's own (activate, deactivate, timer tick, snapshot) whose caller may wait for it.</summary>
internal sealed class ActionWorkItem<TResult>(Func<Activation, ValueTask<TResult>> action) : WorkItem
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override async ValueTask ExecuteAsync(Activation activation)
    {
        try
        {
            _completion.TrySetResult(await action(activation));
        }
        catch (Exception exception)
        {
            _completion.TrySetException(exception);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
