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

    /// <summary>
    /// Appends a message to another log-fed grain's log without waiting (the turn goes on). The runtime makes it
    /// durable before any checkpoint that covers this turn, so a crash either keeps both or replays the turn,
    /// which sends it again: receivers must treat messages as at-least-once (deterministic ids make that easy).
    /// </summary>
    void AppendDurable(DurableMessage message);

    /// <summary>A named piece of state in grain storage; read it in OnActivateAsync.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName)
        where TState : new();
}
