using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.InMemory;

public sealed partial class InMemorySiloStorage
{
    private static readonly Comparison<ReminderEntry> DueOrder = (x, y) =>
    {
        var order = x.DueAt.UtcTicks.CompareTo(y.DueAt.UtcTicks);
        if (order == 0)
        {
            order = CodePointComparer.Instance.Compare(x.GrainId.Type, y.GrainId.Type);
        }

        if (order == 0)
        {
            order = CodePointComparer.Instance.Compare(x.GrainId.Key, y.GrainId.Key);
        }

        return order != 0 ? order : CodePointComparer.Instance.Compare(x.Name, y.Name);
    };

    /// <summary>Each partition's reminders in <see cref="DueOrder"/>, so a due query reads only what it returns.</summary>
    private static readonly IComparer<ReminderEntry> DueComparer = Comparer<ReminderEntry>.Create(DueOrder);

    /// <inheritdoc />
    public Task WriteRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            StorageArguments.CheckReminderChanges(changes, _partitions.Length, nameof(changes));
            ApplyReminderChanges(changes);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Reminders of a partition with <see cref="ReminderEntry.DueAt"/> at or before <paramref name="dueBefore"/>
    /// (inclusive, compared by UTC ticks: a reminder due exactly at <paramref name="dueBefore"/> is returned, so
    /// a caller that loaded up to a horizon holds every reminder due by it), earliest first, ties ordered by
    /// grain type, grain key and name (ordinal by code point), at most <paramref name="limit"/>.
    /// </summary>
    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(
        int partition, DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            StorageArguments.CheckDueQuery(partition, limit, _partitions.Length);
            var due = new List<ReminderEntry>();
            foreach (var entry in _dueByPartition[partition])
            {
                if (entry.DueAt.UtcTicks > dueBefore.UtcTicks || due.Count == limit)
                {
                    break;
                }

                due.Add(entry);
            }

            return Task.FromResult<IReadOnlyList<ReminderEntry>>(due);
        }
    }

    /// <summary>The reminders of one grain (of its exact type and key), ordered by name (ordinal by code point).</summary>
    public Task<IReadOnlyList<ReminderEntry>> ReadRemindersAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckGrainId(grainId, nameof(grainId));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            IReadOnlyList<ReminderEntry> entries = _reminders.TryGetValue(grainId, out var reminders)
                ? [.. reminders.Values]
                : [];
            return Task.FromResult(entries);
        }
    }

    // Callers hold _gate and have checked the changes.
    private void ApplyReminderChanges(IReadOnlyList<ReminderChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Entry is { } entry)
            {
                if (!_reminders.TryGetValue(change.GrainId, out var reminders))
                {
                    reminders = new SortedDictionary<string, ReminderEntry>(CodePointComparer.Instance);
                    _reminders.Add(change.GrainId, reminders);
                }

                if (reminders.TryGetValue(change.Name, out var replaced))
                {
                    _dueByPartition[replaced.Partition].Remove(replaced);
                }

                var stored = entry with { DueAt = ToUtc(entry.DueAt) };
                reminders[change.Name] = stored;
                _dueByPartition[stored.Partition].Add(stored);
            }
            else if (_reminders.TryGetValue(change.GrainId, out var reminders) && reminders.Remove(change.Name, out var removed))
            {
                _dueByPartition[removed.Partition].Remove(removed);
                if (reminders.Count == 0)
                {
                    _reminders.Remove(change.GrainId);
                }
            }
        }
    }
}
