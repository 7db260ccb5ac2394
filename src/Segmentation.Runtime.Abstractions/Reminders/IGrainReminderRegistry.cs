namespace Segmentation.Runtime;

/// <summary>The reminders of one activation.</summary>
public interface IGrainReminderRegistry
{
    /// <summary>
    /// Registers or moves the reminder <paramref name="name"/>. Within a log-fed turn the change is made
    /// durable with the next checkpoint (a replay makes it again); otherwise it is written before this returns.
    /// </summary>
    ValueTask RegisterOrUpdateAsync(string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken);

    ValueTask<bool> UnregisterAsync(string name, CancellationToken cancellationToken);

    /// <summary>This grain's pending reminders.</summary>
    ValueTask<IReadOnlyList<Storage.ReminderEntry>> ListAsync(CancellationToken cancellationToken);
}
