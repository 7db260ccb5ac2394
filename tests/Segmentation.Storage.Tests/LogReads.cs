using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.Tests;

/// <summary>Reads of a partition log as recovery makes them: its index after an offset, then the records' bodies.</summary>
internal static class LogReads
{
    public static async Task<List<LogIndexEntry>> ReadIndexListAsync(this IPartitionLogStorage storage, int partition, long afterOffset = 0)
    {
        var entries = new List<LogIndexEntry>();
        await foreach (var entry in storage.ReadIndexAsync(partition, afterOffset))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Every record after the offset, in order, bodies included.</summary>
    public static async Task<IReadOnlyList<LogRecord>> ReadAllAsync(this IPartitionLogStorage storage, int partition, long afterOffset = 0) =>
        await storage.ReadRecordsAsync(partition, await storage.ReadIndexListAsync(partition, afterOffset));
}
