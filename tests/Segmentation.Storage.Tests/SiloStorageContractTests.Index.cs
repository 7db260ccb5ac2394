using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

/// <summary>The index of a partition's tail (what recovery reads before the silo is ready) and the bodies read from it later.</summary>
public abstract partial class SiloStorageContractTests
{
    [Fact]
    public async Task ReadIndexAsync_RecordsOfSeveralGrains_ReturnsOffsetAndTargetOfEachInOrder()
    {
        // Arrange
        LogRecord[] records =
        [
            RecordAt(0, 1, Customer("a")), RecordAt(1, 1, Customer("x")), RecordAt(0, 2, Segment("a")),
            RecordAt(0, 3, Customer("a")), RecordAt(0, 4, Customer("b")),
        ];
        await Storage.AppendAsync(records);

        // Act
        var entries = await Storage.ReadIndexListAsync(0, afterOffset: 1);

        // Assert
        Assert.Equal(
            [(2L, Segment("a")), (3L, Customer("a")), (4L, Customer("b"))],
            entries.Select(entry => (entry.Offset, entry.Target)));
    }

    [Fact]
    public async Task ReadRecordsAsync_OneGrainsEntries_ReturnsItsRecordsInTheEntriesOrder()
    {
        // Arrange: two grains' records interleaved in one partition, with other kinds and times.
        LogRecord[] records =
        [
            RecordAt(0, 1, Customer("a")), RecordAt(0, 2, Customer("b"), kind: "order"), RecordAt(0, 3, Customer("a"), kind: "$reminder"),
            RecordAt(0, 4, Customer("b")) with { Payload = [] }, RecordAt(0, 5, Customer("a")),
        ];
        await Storage.AppendAsync(records);
        var entries = await Storage.ReadIndexListAsync(0);

        // Act
        var a = await Storage.ReadRecordsAsync(0, entries.Where(entry => entry.Target == Customer("a")).ToList());
        var b = await Storage.ReadRecordsAsync(0, entries.Where(entry => entry.Target == Customer("b")).ToList());

        // Assert
        StorageAssert.RecordsEqual([records[0], records[2], records[4]], a);
        StorageAssert.RecordsEqual([records[1], records[3]], b);
    }

    [Fact]
    public async Task ReadRecordsAsync_NoEntries_ReturnsNone()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 2));

        // Act
        var records = await Storage.ReadRecordsAsync(0, []);

        // Assert
        Assert.Empty(records);
    }

    [Fact]
    public async Task ReadRecordsAsync_UnknownPartition_ThrowsArgumentOutOfRange()
    {
        // Act
        var read = () => Storage.ReadRecordsAsync(PartitionCount, []);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(read);
    }

    [Fact]
    public async Task ReadRecordsAsync_AfterCheckpointsBelowTheEntries_StillReadsEveryRecordAboveThem()
    {
        // Arrange: the index read after checkpoint 2, then checkpoints truncate at 4 (all of it, then the old part of
        // what is left), as a running silo does while the records above stay held.
        LogRecord[] records = [.. Records(0, 1, 6).Select(record => record with { Time = Epoch.AddDays(-40) })];
        await Storage.AppendAsync(records);
        await Storage.WriteCheckpointAsync(Checkpoint(0, 2, truncateThrough: 2));
        var entries = await Storage.ReadIndexListAsync(0, afterOffset: 2);

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, truncateThrough: 4));
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, truncateThrough: 4, truncateBefore: Epoch));
        var above = await Storage.ReadRecordsAsync(0, entries.Where(entry => entry.Offset > 4).ToList());

        // Assert
        StorageAssert.RecordsEqual(records[4..], above);
    }

    [Fact]
    public async Task ReadRecordsAsync_EntryDeletedByCheckpoint_ThrowsInvalidOperation()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 4));
        var entries = await Storage.ReadIndexListAsync(0);
        await Storage.WriteCheckpointAsync(Checkpoint(0, 2, truncateThrough: 2));

        // Act
        var read = () => Storage.ReadRecordsAsync(0, entries);

        // Assert
        var error = await Assert.ThrowsAsync<InvalidOperationException>(read);
        Assert.Contains("0:1", error.Message, StringComparison.Ordinal);
    }
}
