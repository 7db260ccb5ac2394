namespace Segmentation.Runtime;

/// <summary>
/// A grain that receives its reminders. A firing is a log record too: for an <see cref="IDurableGrain"/> it is
/// applied exactly once (a replay skips what the snapshot covers); for other grains it is delivered at least once.
/// </summary>
public interface IRemindable
{
    ValueTask ReceiveReminderAsync(ReminderFiring firing, CancellationToken cancellationToken);
}
