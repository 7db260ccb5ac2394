using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Hosting;

namespace Segmentation.Runtime.Scheduler;

/// <summary>A one-way call: nobody waits for it, so a failure is logged.</summary>
internal sealed class PostWorkItem<TGrain>(Func<TGrain, ValueTask> call) : WorkItem
    where TGrain : Grain
{
    public override ValueTask ExecuteAsync(Activation activation)
    {
        ValueTask pending;
        try
        {
            pending = call((TGrain)activation.Grain);
        }
        catch (Exception exception)
        {
            activation.Log.OneWayCallFailed(exception, activation.GrainId);
            return ValueTask.CompletedTask;
        }

        // Most grain methods finish synchronously: no state machine for them.
        return pending.IsCompletedSuccessfully ? ValueTask.CompletedTask : AwaitAsync(pending, activation);
    }

    public override void Fail(Exception exception)
    {
        // The activation could not be created; its failure is already logged.
    }

    private static async ValueTask AwaitAsync(ValueTask pending, Activation activation)
    {
        try
        {
            await pending;
        }
        catch (Exception exception)
        {
            activation.Log.OneWayCallFailed(exception, activation.GrainId);
        }
    }
}
