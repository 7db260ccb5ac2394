using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

/// <summary>How many sends are in each status (for example the sends created on one day, by their status now).</summary>
public sealed record SendStatusCounts(long Pending, long Delivered, long Failed, long DeadLettered, long Skipped)
{
    public static SendStatusCounts None { get; } = new(0, 0, 0, 0, 0);

    public long Total => Pending + Delivered + Failed + DeadLettered + Skipped;

    /// <summary>The count of one status.</summary>
    public long Of(SendStatus status) => status switch
    {
        SendStatus.Pending => Pending,
        SendStatus.Delivered => Delivered,
        SendStatus.Failed => Failed,
        SendStatus.DeadLettered => DeadLettered,
        SendStatus.Skipped => Skipped,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a send status."),
    };

    public SendStatusCounts Plus(SendStatusCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new SendStatusCounts(
            Pending + other.Pending, Delivered + other.Delivered, Failed + other.Failed, DeadLettered + other.DeadLettered, Skipped + other.Skipped);
    }
}
