using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Reminders;

/// <summary>
/// Durable reminders with sub-second resolution. Storage holds all of them, indexed by (partition, due time);
/// memory holds only those due within the look-ahead horizon plus changes not yet checkpointed. A due reminder
/// is fired by appending a firing record to its grain's log; applying that record delivers it (once for a
/// log-fed grain) and moves or removes the reminder. A firing whose reminder was moved or cancelled meanwhile is
/// dropped when applied, so cancellation is exact.
/// </summary>
internal sealed partial class ReminderService(SiloRuntime runtime)
{
    private PartitionReminders[] _partitions = [];
    private long _liveSinceTicks = long.MaxValue;

    public void Initialize(int partitionCount) =>
        _partitions = [.. Enumerable.Range(0, partitionCount).Select(static _ => new PartitionReminders())];

    /// <summary>Reminders held in memory (due within the horizon), across partitions.</summary>
    public int InMemoryCount => _partitions.Sum(static p => p.WindowCount);

    /// <summary>How late firings fired since recovery reached their grains.</summary>
    public ReminderLateness Lateness { get; } = new();

    /// <summary>
    /// Recovery has replayed the logs at <paramref name="at"/>: firings fired from then on count in <see cref="Lateness"/>,
    /// those replayed were counted by the silo that fired them.
    /// </summary>
    public void Recovered(DateTimeOffset at) => Volatile.Write(ref _liveSinceTicks, at.UtcTicks);

    public async ValueTask RegisterAsync(Activation activation, string name, DateTimeOffset dueAt, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        var entry = new ReminderEntry(activation.GrainId, name, activation.Partition, dueAt, period);
        await ChangeAsync(activation, new ReminderKey(activation.GrainId, name), entry).ConfigureAwait(false);
    }

    public async ValueTask<bool> UnregisterAsync(Activation activation, string name)
    {
        var key = new ReminderKey(activation.GrainId, name);
        var existed = await GetCurrentAsync(activation.Partition, key).ConfigureAwait(false) is not null;
        if (existed)
        {
            await ChangeAsync(activation, key, null).ConfigureAwait(false);
        }

        return existed;
    }

    public async ValueTask<IReadOnlyList<ReminderEntry>> ListAsync(GrainId grainId, int partition)
    {
        var stored = await runtime.Storage.ReadRemindersAsync(grainId).ConfigureAwait(false);
        var reminders = _partitions[partition];
        lock (reminders.Sync)
        {
            return reminders.Merge(grainId, stored);
        }
    }

    public bool HasPendingChanges(int partition)
    {
        var reminders = _partitions[partition];
        lock (reminders.Sync)
        {
            return reminders.HasOverlay;
        }
    }

    public IReadOnlyList<ReminderChange> PendingChanges(int partition, GrainId? grainId = null)
    {
        var reminders = _partitions[partition];
        lock (reminders.Sync)
        {
            return reminders.PendingChanges(grainId);
        }
    }

    public void Persisted(int partition, IReadOnlyList<ReminderChange> changes)
    {
        var reminders = _partitions[partition];
        lock (reminders.Sync)
        {
            reminders.Persisted(changes);
        }
    }

    /// <summary>
    /// A log-fed grain's change becomes durable with its next snapshot (a replay makes it again); any other
    /// grain's change is written before this returns.
    /// </summary>
    private async ValueTask ChangeAsync(Activation activation, ReminderKey key, ReminderEntry? entry)
    {
        var reminders = _partitions[activation.Partition];
        if (activation.TypeInfo.IsDurable)
        {
            lock (reminders.Sync)
            {
                reminders.SetPending(key, entry);
            }
        }
        else
        {
            var change = entry is null ? ReminderChange.Remove(key.GrainId, key.Name) : ReminderChange.Upsert(entry);
            await reminders.StoreSync.WaitAsync().ConfigureAwait(false);
            try
            {
                await runtime.Storage.WriteRemindersAsync([change]).ConfigureAwait(false);
                lock (reminders.Sync)
                {
                    reminders.SetKnown(key, entry);
                }
            }
            finally
            {
                reminders.StoreSync.Release();
            }
        }

        WakeUpIfEarlier(entry);
    }

    private async ValueTask<ReminderEntry?> GetCurrentAsync(int partition, ReminderKey key)
    {
        var reminders = _partitions[partition];
        lock (reminders.Sync)
        {
            if (reminders.TryGetKnown(key, out var known))
            {
                return known;
            }
        }

        var stored = await runtime.Storage.ReadRemindersAsync(key.GrainId).ConfigureAwait(false);
        return stored.FirstOrDefault(entry => entry.Name == key.Name);
    }
}
