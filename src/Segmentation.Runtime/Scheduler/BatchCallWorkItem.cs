using Segmentation.Runtime.Catalog;

namespace Segmentation.Runtime.Scheduler;

/// <summary>One call of a <see cref="CallBatch"/> that had to be queued (the grain was busy or not active).</summary>
internal sealed class BatchCallWorkItem<TGrain, TState>(Func<TGrain, int, TState, ValueTask> call, int index, TState state, CallBatch batch) : WorkItem
    where TGrain : Grain
{
    public override ValueTask ExecuteAsync(Activation activation)
    {
        ValueTask pending;
        try
        {
            pending = call((TGrain)activation.Grain, index, state);
        }
        catch (Exception exception)
        {
            batch.Failed(exception);
            return ValueTask.CompletedTask;
        }

        if (pending.IsCompletedSuccessfully)
        {
            batch.Completed();
            return ValueTask.CompletedTask;
        }

        return AwaitAsync(pending);
    }

    public override void Fail(Exception exception) => batch.Failed(exception);

    private async ValueTask AwaitAsync(ValueTask pending)
    {
        try
        {
            await pending;
            batch.Completed();
        }
        catch (Exception exception)
        {
            batch.Failed(exception);
        }
    }
}
