namespace Segmentation.Runtime;

/// <summary>What the runtime offers one activation. Implemented by the runtime, used through <see cref="Grain"/>.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    int Partition { get; }

    IGrainFactory GrainFactory { get; }

    TimeProvider TimeProvider { get; }

    IGrainReminderRegistry Reminders { get; }

    IDisposable RegisterTimer(Func<CancellationToken, ValueTask> callback, TimeSpan dueTime, TimeSpan period);

    void DeactivateOnIdle();

    /// <summary>A named piece of state in grain storage; read it in OnActivateAsync.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName)
        where TState : new();
}
