using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.Tests;

/// <summary>Exact comparisons of stored values (byte arrays by content, times by UTC ticks and offset zero).</summary>
internal static class StorageAssert
{
    public static void RecordEqual(LogRecord expected, LogRecord actual)
    {
        Assert.Equal(expected.Partition, actual.Partition);
        Assert.Equal(expected.Offset, actual.Offset);
        Assert.Equal(expected.Target, actual.Target);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Payload, actual.Payload);
        UtcEqual(expected.Time, actual.Time);
    }

    public static void RecordsEqual(IReadOnlyList<LogRecord> expected, IReadOnlyList<LogRecord> actual)
    {
        Assert.Equal(expected.Select(r => (r.Partition, r.Offset)), actual.Select(r => (r.Partition, r.Offset)));
        for (var i = 0; i < expected.Count; i++)
        {
            RecordEqual(expected[i], actual[i]);
        }
    }

    /// <summary>The same instant to the tick, read back in UTC.</summary>
    public static void UtcEqual(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcTicks, actual.UtcTicks);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    public static void ReminderNames(IEnumerable<string> expected, IReadOnlyList<ReminderEntry> actual) =>
        Assert.Equal(expected, actual.Select(entry => entry.Name));
}
