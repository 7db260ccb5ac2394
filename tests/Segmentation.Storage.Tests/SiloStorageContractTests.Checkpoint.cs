using Segmentation.Runtime.Storage;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

public abstract partial class SiloStorageContractTests
{
    [Fact]
    public async Task WriteCheckpointAsync_SnapshotsRemindersAndOffset_AllVisibleTogether()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 5));
        var reminder = Reminder(Customer("c1"), "cart-abandoned", 0, Epoch.AddMinutes(30));
        var checkpoint = Checkpoint(
            0, 5, [new GrainSnapshot(Customer("c1"), Bytes("state@5"), 5)], [ReminderChange.Upsert(reminder)]);

        // Act
        await Storage.WriteCheckpointAsync(checkpoint);

        // Assert
        Assert.Equal(5, await Storage.ReadCheckpointAsync(0));
        var snapshot = await Storage.ReadSnapshotAsync(Customer("c1"));
        Assert.Equal(Bytes("state@5"), snapshot!.Data);
        Assert.Equal(reminder, Assert.Single(await Storage.ReadRemindersAsync(Customer("c1"))));
    }

    [Fact]
    public async Task WriteCheckpointAsync_InvalidLastChange_ThrowsAndWritesNothing()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 5));
        var valid = Reminder(Customer("c1"), "valid", 0, Epoch);
        var invalid = Reminder(Customer("c2"), "invalid", 0, Epoch, period: TimeSpan.FromSeconds(-1));
        var checkpoint = Checkpoint(
            0, 5, [new GrainSnapshot(Customer("c1"), Bytes("state"), 5)],
            [ReminderChange.Upsert(valid), ReminderChange.Upsert(invalid)], truncateThrough: 5);

        // Act
        var write = () => Storage.WriteCheckpointAsync(checkpoint);

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(write);
        Assert.Equal(0, await Storage.ReadCheckpointAsync(0));
        Assert.Null(await Storage.ReadSnapshotAsync(Customer("c1")));
        Assert.Empty(await Storage.ReadRemindersAsync(Customer("c1")));
        Assert.Equal(5, (await ReadAllAsync(0)).Count);
    }

    [Fact]
    public async Task WriteCheckpointAsync_OffsetBeyondLastAppended_ThrowsAndWritesNothing()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 3));

        // Act
        var write = () => Storage.WriteCheckpointAsync(Checkpoint(0, 4));

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(write);
        Assert.Equal(0, await Storage.ReadCheckpointAsync(0));
    }

    [Fact]
    public async Task WriteCheckpointAsync_OffsetBelowCurrentCheckpoint_KeepsCheckpointAndWritesSnapshot()
    {
        // Arrange: a grain snapshot written with a checkpoint offset read before a newer checkpoint landed.
        await Storage.AppendAsync(Records(0, 1, 4));
        await Storage.WriteCheckpointAsync(Checkpoint(0, 3));
        var reminder = Reminder(Customer("c1"), "lapse", 0, Epoch);

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(
            0, 2, [new GrainSnapshot(Customer("c1"), Bytes("late"), 4)], [ReminderChange.Upsert(reminder)]));

        // Assert
        Assert.Equal(3, await Storage.ReadCheckpointAsync(0));
        Assert.Equal(Bytes("late"), (await Storage.ReadSnapshotAsync(Customer("c1")))!.Data);
        Assert.Equal(reminder, Assert.Single(await Storage.ReadRemindersAsync(Customer("c1"))));
    }

    [Fact]
    public async Task WriteCheckpointAsync_NegativeOffset_ThrowsAndWritesNothing()
    {
        // Act
        var write = () => Storage.WriteCheckpointAsync(Checkpoint(0, -1, [new GrainSnapshot(Customer("c1"), Bytes("s"), 0)]));

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(write);
        Assert.Null(await Storage.ReadSnapshotAsync(Customer("c1")));
    }

    [Fact]
    public async Task WriteCheckpointAsync_TruncateBeyondCheckpoint_ThrowsAndKeepsRecords()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 4));

        // Act
        var write = () => Storage.WriteCheckpointAsync(Checkpoint(0, 2, truncateThrough: 3));

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(write);
        Assert.Equal(4, (await ReadAllAsync(0)).Count);
    }

    [Fact]
    public async Task WriteCheckpointAsync_TruncateThrough_DeletesOnlyCoveredRecordsOfThatPartition()
    {
        // Arrange
        await Storage.AppendAsync([.. Records(0, 1, 6), .. Records(1, 1, 6)]);

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 5, truncateThrough: 4));

        // Assert
        StorageAssert.RecordsEqual(Records(0, 5, 6), await ReadAllAsync(0));
        StorageAssert.RecordsEqual(Records(1, 1, 6), await ReadAllAsync(1));
        Assert.Equal(0, await Storage.ReadCheckpointAsync(1));
    }

    [Fact]
    public async Task ReadIndexAsync_InterleavedBatchesTruncatedMidBatch_ReturnsExactTailAfterEveryOffset()
    {
        // Arrange: partitions 0 and 1 interleaved over three batches (offsets 1-4, 5-8, 9-12 of each).
        for (var batch = 0; batch < 3; batch++)
        {
            var first = (batch * 4) + 1;
            await Storage.AppendAsync(Enumerable.Range(0, 8).Select(i => RecordAt(i % 2, first + (i / 2))).ToArray());
        }

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 10, truncateThrough: 6));
        await Storage.WriteCheckpointAsync(Checkpoint(0, 10, truncateThrough: 7));
        await Storage.AppendAsync([RecordAt(0, 13), RecordAt(1, 13)]);

        // Assert
        for (var after = 0; after <= 13; after++)
        {
            StorageAssert.RecordsEqual(Records(0, Math.Max(after, 7) + 1, 13), await ReadAllAsync(0, after));
        }

        StorageAssert.RecordsEqual(Records(1, 1, 13), await ReadAllAsync(1));
        Assert.Equal(13, await Storage.ReadLastOffsetAsync(0));
    }

    [Fact]
    public async Task WriteCheckpointAsync_TruncateThroughZero_KeepsEveryRecord()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 3));

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 0));

        // Assert
        Assert.Equal(3, (await ReadAllAsync(0)).Count);
        Assert.Equal(3, await Storage.ReadCheckpointAsync(0));
    }

    [Fact]
    public async Task ReadLastOffsetAsync_WholeLogTruncated_ReturnsHighestAppendedOffset()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 7));

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 7, truncateThrough: 7));

        // Assert
        Assert.Equal(7, await Storage.ReadLastOffsetAsync(0));
        Assert.Empty(await ReadAllAsync(0));
    }

    [Fact]
    public async Task AppendAsync_AfterWholeLogTruncated_ContinuesAfterHighestOffset()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 7));
        await Storage.WriteCheckpointAsync(Checkpoint(0, 7, truncateThrough: 7));

        // Act
        var restart = () => Storage.AppendAsync([RecordAt(0, 1)]);
        await Assert.ThrowsAsync<ArgumentException>(restart);
        await Storage.AppendAsync([RecordAt(0, 8)]);

        // Assert
        StorageAssert.RecordsEqual([RecordAt(0, 8)], await ReadAllAsync(0));
        Assert.Equal(8, await Storage.ReadLastOffsetAsync(0));
    }

    [Fact]
    public async Task ReadSnapshotAsync_AfterCheckpoints_ReturnsLatestDataAndAppliedOffset()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 9));
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, [new GrainSnapshot(Customer("c1"), Bytes("old"), 4)]));

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 9, [new GrainSnapshot(Customer("c1"), Bytes("new"), 7)]));

        // Assert
        var snapshot = await Storage.ReadSnapshotAsync(Customer("c1"));
        Assert.Equal(Customer("c1"), snapshot!.GrainId);
        Assert.Equal(Bytes("new"), snapshot.Data);
        Assert.Equal(7, snapshot.AppliedOffset);
    }

    [Fact]
    public async Task ReadSnapshotAsync_SameKeyOfOtherGrainType_ReturnsOnlyItsOwn()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 2));
        await Storage.WriteCheckpointAsync(Checkpoint(
            0, 2, [new GrainSnapshot(Customer("shared"), Bytes("customer"), 1), new GrainSnapshot(Segment("shared"), Bytes("segment"), 2)]));

        // Act
        var customer = await Storage.ReadSnapshotAsync(Customer("shared"));
        var segment = await Storage.ReadSnapshotAsync(Segment("shared"));

        // Assert
        Assert.Equal(Bytes("customer"), customer!.Data);
        Assert.Equal(1, customer.AppliedOffset);
        Assert.Equal(Bytes("segment"), segment!.Data);
        Assert.Null(await Storage.ReadSnapshotAsync(Customer("other")));
    }

    [Fact]
    public async Task WriteCheckpointAsync_SameOffsetAgain_UpdatesSnapshots()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 2));
        await Storage.WriteCheckpointAsync(Checkpoint(0, 2, [new GrainSnapshot(Customer("c1"), Bytes("first"), 2)]));

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 2, [new GrainSnapshot(Customer("c1"), Bytes("second"), 2)]));

        // Assert
        Assert.Equal(Bytes("second"), (await Storage.ReadSnapshotAsync(Customer("c1")))!.Data);
        Assert.Equal(2, await Storage.ReadCheckpointAsync(0));
    }
}
