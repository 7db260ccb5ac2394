using Segmentation.Runtime.Catalog;

namespace Segmentation.Runtime.Scheduler;

/// <summary>
/// A grain timer's tick. It belongs to the activation whose timer queued it: one still queued when that activation is
/// collected is dropped with it, never handed to the next activation (which would bring the grain back for a timer
/// that died).
/// </summary>
internal sealed class TimerTickWorkItem(Func<Activation, ValueTask> tick) : WorkItem
{
    public override ValueTask ExecuteAsync(Activation activation) => tick(activation);

    public override void Fail(Exception exception)
    {
        // Nobody waits for a tick: its activation could not be created, so there is nothing to tick.
    }
}
