using Segmentation.Runtime.Reminders;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Catalog;

internal sealed partial class Activation : IGrainContext
{
    private GrainReminderRegistry? _reminders;

    int IGrainContext.Partition => Partition;

    IGrainFactory IGrainContext.GrainFactory => Runtime.Client;

    TimeProvider IGrainContext.TimeProvider => Runtime.TimeProvider;

    IGrainReminderRegistry IGrainContext.Reminders
    {
        get
        {
            if (!TypeInfo.IsRemindable)
            {
                throw new InvalidOperationException(
                    $"Grain class {TypeInfo.GrainClass.Name} must implement IRemindable to use reminders.");
            }

            return _reminders ??= new GrainReminderRegistry(this);
        }
    }

    IDisposable IGrainContext.RegisterTimer(Func<CancellationToken, ValueTask> callback, TimeSpan dueTime, TimeSpan period) =>
        Timers.GrainTimer.Start(this, callback, dueTime, period);

    void IGrainContext.DeactivateOnIdle() => RequestDeactivateOnIdle();

    IPersistentState<TState> IGrainContext.GetPersistentState<TState>(string stateName) =>
        new PersistentState<TState>(Runtime.Storage, GrainId, stateName);
}
