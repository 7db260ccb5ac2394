using Segmentation.Runtime;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

public abstract partial class SiloStorageContractTests
{
    [Fact]
    public async Task ReadLastOffsetAsync_EmptyLog_ReturnsZero()
    {
        // Act
        var last = await Storage.ReadLastOffsetAsync(0);

        // Assert
        Assert.Equal(0, last);
        Assert.Equal(0, await Storage.ReadCheckpointAsync(0));
        Assert.Empty(await ReadAllAsync(0));
    }

    [Fact]
    public async Task AppendAsync_InterleavedPartitions_ReadsEachPartitionInOffsetOrder()
    {
        // Arrange
        LogRecord[] batch = [RecordAt(1, 1), RecordAt(0, 1), RecordAt(1, 2), RecordAt(2, 1), RecordAt(0, 2), RecordAt(1, 3)];

        // Act
        await Storage.AppendAsync(batch);

        // Assert
        StorageAssert.RecordsEqual([batch[1], batch[4]], await ReadAllAsync(0));
        StorageAssert.RecordsEqual([batch[0], batch[2], batch[5]], await ReadAllAsync(1));
        StorageAssert.RecordsEqual([batch[3]], await ReadAllAsync(2));
        Assert.Equal(new long[] { 2, 3, 1, 0 }, await LastOffsetsAsync());
    }

    [Fact]
    public async Task AppendAsync_SuccessiveBatches_ContinueTheLog()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 3));

        // Act
        await Storage.AppendAsync(Records(0, 4, 5));

        // Assert
        StorageAssert.RecordsEqual(Records(0, 1, 5), await ReadAllAsync(0));
        Assert.Equal(5, await Storage.ReadLastOffsetAsync(0));
    }

    [Fact]
    public async Task AppendAsync_OffsetGapInBatch_ThrowsAndWritesNothing()
    {
        // Arrange
        await Storage.AppendAsync(Records(1, 1, 2));
        LogRecord[] batch = [RecordAt(0, 1), RecordAt(0, 2), RecordAt(1, 3), RecordAt(1, 5)];

        // Act
        var append = () => Storage.AppendAsync(batch);

        // Assert
        var error = await Assert.ThrowsAsync<ArgumentException>(append);
        Assert.Contains("offset 5", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadAllAsync(0));
        Assert.Equal(2, (await ReadAllAsync(1)).Count);
        Assert.Equal(new long[] { 0, 2, 0, 0 }, await LastOffsetsAsync());
    }

    [Fact]
    public async Task AppendAsync_OffsetAlreadyInLog_ThrowsAndWritesNothing()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 3));

        // Act
        var append = () => Storage.AppendAsync([RecordAt(0, 3)]);

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(append);
        StorageAssert.RecordsEqual(Records(0, 1, 3), await ReadAllAsync(0));
    }

    [Fact]
    public async Task AppendAsync_FirstOffsetNotOne_ThrowsAndWritesNothing()
    {
        // Act
        var append = () => Storage.AppendAsync([RecordAt(0, 2)]);

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(append);
        Assert.Equal(0, await Storage.ReadLastOffsetAsync(0));
    }

    [Fact]
    public async Task AppendAsync_UnknownPartition_ThrowsAndWritesNothing()
    {
        // Act
        var append = () => Storage.AppendAsync([RecordAt(0, 1), RecordAt(PartitionCount, 1)]);

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(append);
        Assert.Empty(await ReadAllAsync(0));
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_WritesNothing()
    {
        // Act
        await Storage.AppendAsync([]);

        // Assert
        Assert.Equal(new long[] { 0, 0, 0, 0 }, await LastOffsetsAsync());
    }

    [Fact]
    public async Task AppendAsync_CancelledToken_ThrowsAndWritesNothing()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        // Act
        var append = () => Storage.AppendAsync(Records(0, 1, 2), cancellation.Token);

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(append);
        Assert.Equal(0, await Storage.ReadLastOffsetAsync(0));
    }

    [Fact]
    public async Task ReadIndexAsync_AfterOffset_ReturnsOnlyLaterRecordsInOrder()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 6));

        // Act
        var records = await ReadAllAsync(0, afterOffset: 4);

        // Assert
        StorageAssert.RecordsEqual(Records(0, 5, 6), records);
        Assert.Empty(await ReadAllAsync(0, afterOffset: 6));
    }

    [Fact]
    public async Task ReadIndexAsync_AppendWhileEnumerating_ReturnsRecordsCommittedAtStart()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 3));
        var read = new List<long>();

        // Act
        await foreach (var entry in Storage.ReadIndexAsync(0, 0))
        {
            read.Add(entry.Offset);
            if (entry.Offset == 1)
            {
                await Storage.AppendAsync(Records(0, 4, 5));
            }
        }

        // Assert
        Assert.Equal([1L, 2L, 3L], read);
        Assert.Equal(5, (await ReadAllAsync(0)).Count);
    }

    [Fact]
    public async Task AppendAsync_SameKeyOfTwoGrainTypes_KeepsEachTarget()
    {
        // Arrange
        LogRecord[] batch = [RecordAt(0, 1, Customer("shared")), RecordAt(0, 2, Segment("shared"))];

        // Act
        await Storage.AppendAsync(batch);

        // Assert
        Assert.Equal([Customer("shared"), Segment("shared")], (await ReadAllAsync(0)).Select(r => r.Target));
    }

    [Fact]
    public async Task AppendAsync_TimeWithOffsetAndSubSecondTicks_ReadsBackSameInstantInUtc()
    {
        // Arrange
        var time = new DateTimeOffset(2025, 6, 30, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(9_999_999);
        var record = RecordAt(0, 1) with { Time = time };

        // Act
        await Storage.AppendAsync([record]);

        // Assert
        StorageAssert.UtcEqual(time, Assert.Single(await ReadAllAsync(0)).Time);
    }

    [Fact]
    public async Task AppendAsync_EmptyPayload_RoundTripsAsEmpty()
    {
        // Act
        await Storage.AppendAsync([RecordAt(0, 1) with { Payload = [] }]);

        // Assert
        Assert.Empty(Assert.Single(await ReadAllAsync(0)).Payload);
    }

    [Fact]
    public async Task AppendAsync_CallerChangesPayloadAfterAppend_StoredPayloadUnchanged()
    {
        // Arrange
        var record = RecordAt(0, 1);
        var original = record.Payload.ToArray();
        await Storage.AppendAsync([record]);

        // Act
        record.Payload[0] = (byte)'X';

        // Assert
        Assert.Equal(original, Assert.Single(await ReadAllAsync(0)).Payload);
    }

    private async Task<long[]> LastOffsetsAsync()
    {
        var offsets = new long[PartitionCount];
        for (var partition = 0; partition < PartitionCount; partition++)
        {
            offsets[partition] = await Storage.ReadLastOffsetAsync(partition);
        }

        return offsets;
    }
}
