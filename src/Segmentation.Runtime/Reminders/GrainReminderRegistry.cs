using Segmentation.Runtime.Catalog;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Reminders;

/// <summary>The reminders of one activation, as the grain sees them.</summary>
internal sealed class GrainReminderRegistry(Activation activation) : IGrainReminderRegistry
{
    public ValueTask RegisterOrUpdateAsync(string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken) =>
        activation.Runtime.Reminders.RegisterAsync(activation, name, dueAt, period);

    public ValueTask<bool> UnregisterAsync(string name, CancellationToken cancellationToken) =>
        activation.Runtime.Reminders.UnregisterAsync(activation, name);

    public ValueTask<IReadOnlyList<ReminderEntry>> ListAsync(CancellationToken cancellationToken) =>
        activation.Runtime.Reminders.ListAsync(activation.GrainId, activation.Partition);
}
