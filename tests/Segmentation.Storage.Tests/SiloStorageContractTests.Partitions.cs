using Segmentation.Runtime;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

/// <summary><see cref="Runtime.Storage.IPartitionLogStorage.ReadPartitionsAsync"/>: every partition's tail at once, as recovery reads it.</summary>
public abstract partial class SiloStorageContractTests
{
    [Fact]
    public async Task ReadPartitionsAsync_InterleavedBatches_GivesEachPartitionsRecordsAfterItsOffsetInOrder()
    {
        // Arrange: three batches, each touching several partitions, so the partitions' records interleave in the store.
        await Storage.AppendAsync([RecordAt(1, 1), RecordAt(0, 1), RecordAt(2, 1), RecordAt(0, 2)]);
        await Storage.AppendAsync([RecordAt(0, 3), RecordAt(1, 2), RecordAt(1, 3)]);
        await Storage.AppendAsync([RecordAt(2, 2), RecordAt(0, 4), RecordAt(1, 4)]);

        // Act: partition 0 after 1, partition 1 after 3, partition 2 after 0, partition 3 (empty) after 0.
        var records = await ReadPartitionsAsync([1, 3, 0, 0]);

        // Assert
        StorageAssert.RecordsEqual(await ReadAllAsync(0, 1), records.Where(static r => r.Partition == 0).ToList());
        StorageAssert.RecordsEqual(await ReadAllAsync(1, 3), records.Where(static r => r.Partition == 1).ToList());
        StorageAssert.RecordsEqual(await ReadAllAsync(2, 0), records.Where(static r => r.Partition == 2).ToList());
        Assert.Equal(3 + 1 + 2, records.Count);
    }

    [Fact]
    public async Task ReadPartitionsAsync_AfterTruncatingCheckpoints_GivesTheRecordsAboveThem()
    {
        // Arrange: partition 0 checkpointed at 3 with its covered records deleted, partition 1 at 1.
        await Storage.AppendAsync([.. Records(0, 1, 3), .. Records(1, 1, 2)]);
        await Storage.AppendAsync([.. Records(1, 3, 4), .. Records(0, 4, 5)]);
        await Storage.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 3));
        await Storage.WriteCheckpointAsync(Checkpoint(1, 1, truncateThrough: 1));

        // Act
        var records = await ReadPartitionsAsync([3, 1, 0, 0]);

        // Assert
        Assert.Equal(
            [(0, 4L), (0, 5L), (1, 2L), (1, 3L), (1, 4L)],
            records.Select(static r => (r.Partition, r.Offset)).Order());
    }

    [Fact]
    public async Task ReadPartitionsAsync_NothingAfterTheOffsets_GivesNothing()
    {
        await Storage.AppendAsync(Records(0, 1, 2));

        Assert.Empty(await ReadPartitionsAsync([2, 0, 0, 0]));
    }

    private async Task<List<LogRecord>> ReadPartitionsAsync(long[] afterOffsets)
    {
        var records = new List<LogRecord>();
        await foreach (var record in Storage.ReadPartitionsAsync(afterOffsets))
        {
            records.Add(record);
        }

        return records;
    }
}
