using System.Text;
using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.Tests;

/// <summary>Builders of grains, log records and reminders for the storage tests.</summary>
internal static class TestData
{
    /// <summary>A fixed instant with a sub-second part, so that tick precision is always exercised.</summary>
    public static readonly DateTimeOffset Epoch = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public static GrainId Customer(string key) => new("customer", key);

    public static GrainId Segment(string key) => new("segment", key);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static LogRecord RecordAt(int partition, long offset, GrainId? target = null, string kind = "track") =>
        new(partition, offset, target ?? Customer($"c{offset}"), kind, Bytes($"p{partition}/o{offset}"), Epoch.AddMilliseconds(offset));

    /// <summary>The records <paramref name="first"/>..<paramref name="last"/> of one partition, in order.</summary>
    public static LogRecord[] Records(int partition, long first, long last)
    {
        var records = new LogRecord[last - first + 1];
        for (var offset = first; offset <= last; offset++)
        {
            records[offset - first] = RecordAt(partition, offset);
        }

        return records;
    }

    public static ReminderEntry Reminder(GrainId grainId, string name, int partition, DateTimeOffset dueAt, TimeSpan period = default) =>
        new(grainId, name, partition, dueAt, period);

    public static PartitionCheckpoint Checkpoint(
        int partition,
        long offset,
        IReadOnlyList<GrainSnapshot>? snapshots = null,
        IReadOnlyList<ReminderChange>? reminderChanges = null,
        long truncateThrough = 0,
        DateTimeOffset? truncateBefore = null) =>
        new(partition, offset, snapshots ?? [], reminderChanges ?? [], truncateThrough, truncateBefore);

    /// <summary>A record of <paramref name="target"/> at an offset, with a time <paramref name="ageDays"/> days before <see cref="Epoch"/>.</summary>
    public static LogRecord AgedRecord(int partition, long offset, double ageDays, GrainId? target = null) =>
        RecordAt(partition, offset, target) with { Time = Epoch.AddDays(-ageDays) };
}
