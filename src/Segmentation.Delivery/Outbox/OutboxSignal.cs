namespace Segmentation.Delivery.Outbox;

/// <summary>
/// What the outbox shards of this silo tell their watchers: a send became due-able (a new intent, a manual retry),
/// which wakes the dispatcher at once instead of at its next poll; and any change of the send log, for hosts that
/// show it live and for tests that wait on it (take <see cref="NextChangeAsync"/> before reading, then await it).
/// </summary>
public sealed class OutboxSignal
{
    private readonly AsyncPulse _work = new();
    private readonly AsyncPulse _changed = new();
    private long _changes;

    /// <summary>
    /// How many records the outbox shards of this silo have applied since it started: a host that shows the send log
    /// reads it again when this has moved.
    /// </summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Completes at the next change of any outbox shard of this silo.</summary>
    public Task NextChangeAsync() => _changed.WaitAsync();

    internal Task NextWorkAsync() => _work.WaitAsync();

    internal void Changed(bool workAvailable)
    {
        if (workAvailable)
        {
            _work.Pulse();
        }

        Interlocked.Increment(ref _changes);
        _changed.Pulse();
    }
}
