namespace Segmentation.Runtime;

/// <summary>
/// Base class of every grain. The runtime creates one activation per <see cref="GrainId"/> on its first
/// message and runs one turn at a time on it; state kept in fields lives as long as the activation.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>The runtime's handle on this activation (timers, reminders, identity).</summary>
    protected IGrainContext Context =>
        _context ?? throw new InvalidOperationException(
            "The grain is not attached to an activation yet: use OnActivateAsync, not the constructor.");

    public GrainId GrainId => Context.GrainId;

    protected IGrainFactory GrainFactory => Context.GrainFactory;

    protected TimeProvider TimeProvider => Context.TimeProvider;

    internal void Attach(IGrainContext context) => _context = context;

    /// <summary>Runs as the first turn of a new activation, after its state was loaded.</summary>
    public virtual ValueTask OnActivateAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Runs as the last turn of an activation before it is collected or the silo stops.</summary>
    public virtual ValueTask OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    /// <summary>A timer that runs its callback as a turn of this activation; it dies with the activation.</summary>
    protected IDisposable RegisterTimer(Func<CancellationToken, ValueTask> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);

    /// <summary>
    /// Registers a durable reminder, or moves an existing one of the same name. A zero period makes it one-shot.
    /// The grain must implement <see cref="IRemindable"/>.
    /// </summary>
    protected ValueTask RegisterOrUpdateReminderAsync(
        string name, DateTimeOffset dueAt, TimeSpan period = default, CancellationToken cancellationToken = default) =>
        Context.Reminders.RegisterOrUpdateAsync(name, dueAt, period, cancellationToken);

    /// <summary>Cancels a reminder; true when one was pending.</summary>
    protected ValueTask<bool> UnregisterReminderAsync(string name, CancellationToken cancellationToken = default) =>
        Context.Reminders.UnregisterAsync(name, cancellationToken);

    /// <summary>A named piece of state in grain storage, with an etag; call ReadStateAsync in OnActivateAsync.</summary>
    protected IPersistentState<TState> GetPersistentState<TState>(string stateName)
        where TState : new() => Context.GetPersistentState<TState>(stateName);

    /// <summary>Appends a message to a log-fed grain's log without waiting; see <see cref="IGrainContext.AppendDurable"/>.</summary>
    protected void AppendDurable(DurableMessage message) => Context.AppendDurable(message);

    /// <summary>Asks the runtime to collect this activation once its current turn and queue are done.</summary>
    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();
}
