using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

/// <summary>
/// One outbox shard's sends per day of creation (UTC) and status, kept as sends join the log, change status and leave
/// it, so that a day's figures are a lookup rather than a walk through the log.
/// </summary>
internal sealed class SendDayCounts
{
    private static readonly int StatusCount = Enum.GetValues<SendStatus>().Length;

    private readonly Dictionary<DateOnly, int[]> _days = [];

    public void Add(SendRecord send) => Change(send, 1);

    public void Remove(SendRecord send) => Change(send, -1);

    public void Clear() => _days.Clear();

    public SendStatusCounts For(DateOnly day)
    {
        if (!_days.TryGetValue(day, out var counts))
        {
            return SendStatusCounts.None;
        }

        return new SendStatusCounts(
            counts[(int)SendStatus.Pending],
            counts[(int)SendStatus.Delivered],
            counts[(int)SendStatus.Failed],
            counts[(int)SendStatus.DeadLettered],
            counts[(int)SendStatus.Skipped]);
    }

    private void Change(SendRecord send, int by)
    {
        var day = DateOnly.FromDateTime(send.CreatedAt.UtcDateTime);
        if (!_days.TryGetValue(day, out var counts))
        {
            counts = new int[StatusCount];
            _days.Add(day, counts);
        }

        counts[(int)send.Status] += by;
        if (by < 0 && Array.TrueForAll(counts, static count => count == 0))
        {
            _days.Remove(day);
        }
    }
}
