namespace Segmentation.Runtime.Storage;

/// <summary>The reminder table, indexed by (partition, due time) so that only soon-due reminders are ever read.</summary>
public interface IReminderStorage
{
    /// <summary>Applies changes at once, in one transaction (reminders of grains that are not log-fed).</summary>
    Task WriteRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Reminders of a partition due before <paramref name="dueBefore"/>, earliest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(
        int partition, DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReminderEntry>> ReadRemindersAsync(GrainId grainId, CancellationToken cancellationToken = default);
}
