using Segmentation.Runtime.Catalog;

namespace Segmentation.Runtime.Scheduler;

/// <summary>A request/response call: its result or exception goes back to the caller's task.</summary>
internal sealed class InvokeWorkItem<TGrain, TResult>(Func<TGrain, ValueTask<TResult>> call, bool readOnly) : WorkItem
    where TGrain : Grain
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override bool IsReadOnly => readOnly;

    public override ValueTask ExecuteAsync(Activation activation)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = call((TGrain)activation.Grain);
        }
        catch (Exception exception)
        {
            _completion.TrySetException(exception);
            return ValueTask.CompletedTask;
        }

        if (pending.IsCompletedSuccessfully)
        {
            _completion.TrySetResult(pending.Result);
            return ValueTask.CompletedTask;
        }

        return AwaitAsync(pending);
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    private async ValueTask AwaitAsync(ValueTask<TResult> pending)
    {
        try
        {
            _completion.TrySetResult(await pending);
        }
        catch (Exception exception)
        {
            _completion.TrySetException(exception);
        }
    }
}
