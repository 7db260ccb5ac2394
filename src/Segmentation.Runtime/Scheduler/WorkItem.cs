namespace Segmentation.Runtime.Scheduler;

/// <summary>One turn queued on an activation. <see cref="ExecuteAsync"/> never throws: it reports to its own caller.</summary>
internal abstract class WorkItem
{
    /// <summary>Read-only turns may run beside each other, never beside an exclusive one.</summary>
    public virtual bool IsReadOnly => false;

    public abstract ValueTask ExecuteAsync(Catalog.Activation activation);

    /// <summary>Called instead of <see cref="ExecuteAsync"/> when the activation could not be created.</summary>
    public abstract void Fail(Exception exception);
}
