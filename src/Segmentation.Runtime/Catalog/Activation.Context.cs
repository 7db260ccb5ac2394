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

    void IGrainContext.AppendDurable(DurableMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Runtime.Registry.Get(message.Target.Type).IsDurable)
        {
            throw new ArgumentException($"Grain type '{message.Target.Type}' is not log-fed.", nameof(message));
        }

        Runtime.Partitions[Partition].TrackOutgoing(Runtime.Writer.AppendAsync([message]));
    }

    IPersistentState<TState> IGrainContext.GetPersistentState<TState>(string stateName) =>
        new PersistentState<TState>(Runtime.Storage, GrainId, stateName);
}
