using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Reminders;

/// <summary>
/// One partition's reminders in memory: changes not yet in storage (the overlay), and the reminders due up to
/// <see cref="Horizon"/> (the window, with a heap by due time). Reminders due later live only in storage.
/// Not thread-safe: <see cref="ReminderService"/> locks <see cref="Sync"/>.
/// </summary>
internal sealed class PartitionReminders
{
    private readonly Dictionary<ReminderKey, ReminderEntry?> _overlay = [];
    private readonly Dictionary<ReminderKey, ReminderEntry> _window = [];
    private readonly PriorityQueue<ReminderEntry, long> _due = new();
    private readonly HashSet<ReminderKey> _inFlight = [];

    public Lock Sync { get; } = new();

    /// <summary>Serializes storage reads of the window with checkpoint writes, so a read never undoes a newer write.</summary>
    public SemaphoreSlim StoreSync { get; } = new(1, 1);

    /// <summary>Every reminder due at or before this instant is in the window.</summary>
    public DateTimeOffset Horizon { get; set; } = DateTimeOffset.MinValue;

    public int WindowCount => _window.Count;

    public bool HasOverlay => _overlay.Count > 0;

    /// <summary>The reminder as the runtime knows it: found, absent, or unknown here (then storage knows).</summary>
    public bool TryGetKnown(ReminderKey key, out ReminderEntry? entry)
    {
        if (_overlay.TryGetValue(key, out entry))
        {
            return true;
        }

        if (_window.TryGetValue(key, out var inWindow))
        {
            entry = inWindow;
            return true;
        }

        entry = null;
        return false;
    }

    /// <summary>A change not yet in storage.</summary>
    public void SetPending(ReminderKey key, ReminderEntry? entry)
    {
        _overlay[key] = entry;
        SetKnown(key, entry);
    }

    /// <summary>A change already in storage.</summary>
    public void SetKnown(ReminderKey key, ReminderEntry? entry)
    {
        if (entry is not null && entry.DueAt <= Horizon)
        {
            _window[key] = entry;
            _due.Enqueue(entry, entry.DueAt.UtcTicks);
        }
        else
        {
            _window.Remove(key);
        }
    }

    /// <summary>Adds what storage holds up to the new horizon; pending changes win over it.</summary>
    public void Extend(IReadOnlyList<ReminderEntry> stored, DateTimeOffset horizon)
    {
        var previous = Horizon;
        Horizon = horizon;
        foreach (var entry in stored)
        {
            var key = new ReminderKey(entry.GrainId, entry.Name);
            if (!_overlay.ContainsKey(key) && !_window.ContainsKey(key))
            {
                SetKnown(key, entry);
            }
        }

        foreach (var (key, entry) in _overlay)
        {
            if (entry is not null && entry.DueAt > previous && entry.DueAt <= horizon)
            {
                SetKnown(key, entry);
            }
        }
    }

    /// <summary>Takes the reminders due by <paramref name="now"/> that are not already firing.</summary>
    public List<ReminderEntry> TakeDue(DateTimeOffset now)
    {
        var due = new List<ReminderEntry>();
        while (_due.TryPeek(out var entry, out var dueTicks) && dueTicks <= now.UtcTicks)
        {
            _due.Dequeue();
            var key = new ReminderKey(entry.GrainId, entry.Name);
            if (_window.TryGetValue(key, out var current) && ReferenceEquals(current, entry) && _inFlight.Add(key))
            {
                due.Add(entry);
            }
        }

        return due;
    }

    /// <summary>A firing could not be appended: it becomes due again.</summary>
    public void Unfire(ReminderEntry entry)
    {
        var key = new ReminderKey(entry.GrainId, entry.Name);
        _inFlight.Remove(key);
        if (_window.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
        {
            _due.Enqueue(entry, entry.DueAt.UtcTicks);
        }
    }

    public void Fired(ReminderKey key) => _inFlight.Remove(key);

    public DateTimeOffset? EarliestDue()
    {
        while (_due.TryPeek(out var entry, out _))
        {
            var key = new ReminderKey(entry.GrainId, entry.Name);
            if (_window.TryGetValue(key, out var current) && ReferenceEquals(current, entry) && !_inFlight.Contains(key))
            {
                return entry.DueAt;
            }

            _due.Dequeue();
        }

        return null;
    }

    public List<ReminderChange> PendingChanges(GrainId? only)
    {
        var changes = new List<ReminderChange>();
        foreach (var (key, entry) in _overlay)
        {
            if (only is null || key.GrainId == only.Value)
            {
                changes.Add(entry is null ? ReminderChange.Remove(key.GrainId, key.Name) : ReminderChange.Upsert(entry));
            }
        }

        return changes;
    }

    /// <summary>Drops overlay entries that storage now holds, unless they changed again meanwhile.</summary>
    public void Persisted(IReadOnlyList<ReminderChange> changes)
    {
        foreach (var change in changes)
        {
            var key = new ReminderKey(change.GrainId, change.Name);
            if (_overlay.TryGetValue(key, out var entry) && ReferenceEquals(entry, change.Entry))
            {
                _overlay.Remove(key);
            }
        }
    }

    /// <summary>A grain's stored reminders with its pending changes applied, earliest first.</summary>
    public List<ReminderEntry> Merge(GrainId grainId, IReadOnlyList<ReminderEntry> stored)
    {
        var byName = stored.ToDictionary(static entry => entry.Name, StringComparer.Ordinal);
        foreach (var (key, entry) in _overlay)
        {
            if (key.GrainId != grainId)
            {
                continue;
            }

            if (entry is null)
            {
                byName.Remove(key.Name);
            }
            else
            {
                byName[key.Name] = entry;
            }
        }

        return [.. byName.Values.OrderBy(static entry => entry.DueAt).ThenBy(static entry => entry.Name, StringComparer.Ordinal)];
    }
}
