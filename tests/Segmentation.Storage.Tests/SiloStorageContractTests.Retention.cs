using Segmentation.Runtime;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

/// <summary>Deleting records that are both covered by the checkpoint and older than the retention, and nothing else.</summary>
public abstract partial class SiloStorageContractTests
{
    private static readonly DateTimeOffset Cutoff = Epoch.AddDays(-30);

    [Fact]
    public async Task WriteCheckpointAsync_TruncateBefore_DeletesOnlyRecordsCoveredAndOlder()
    {
        // Arrange: offsets 1, 2 and 4 are covered and old; 3 is covered but recent; 5 is old but not covered.
        LogRecord[] records =
        [
            AgedRecord(0, 1, 40), AgedRecord(0, 2, 31), AgedRecord(0, 3, 1), AgedRecord(0, 4, 45), AgedRecord(0, 5, 50),
            AgedRecord(0, 6, 0),
        ];
        await Storage.AppendAsync(records);

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, truncateThrough: 4, truncateBefore: Cutoff));

        // Assert
        StorageAssert.RecordsEqual([records[2], records[4], records[5]], await ReadAllAsync(0));
        Assert.Equal(6, await Storage.ReadLastOffsetAsync(0));
        Assert.Equal(4, await Storage.ReadCheckpointAsync(0));
    }

    [Fact]
    public async Task WriteCheckpointAsync_RecordExactlyAtCutoff_IsKept()
    {
        // Arrange
        LogRecord[] records = [RecordAt(0, 1) with { Time = Cutoff }, RecordAt(0, 2) with { Time = Cutoff.AddTicks(-1) }];
        await Storage.AppendAsync(records);

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 2, truncateThrough: 2, truncateBefore: Cutoff));

        // Assert
        StorageAssert.RecordsEqual([records[0]], await ReadAllAsync(0));
    }

    [Fact]
    public async Task WriteCheckpointAsync_LaterCutoff_DeletesRecordsThatAgedSince()
    {
        // Arrange: a first checkpoint keeps the recent records 2 and 3.
        LogRecord[] records = [AgedRecord(0, 1, 40), AgedRecord(0, 2, 20), AgedRecord(0, 3, 10)];
        await Storage.AppendAsync(records);
        await Storage.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 3, truncateBefore: Cutoff));

        // Act: fifteen days later, record 2 is older than the retention too.
        await Storage.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 3, truncateBefore: Cutoff.AddDays(15)));

        // Assert
        StorageAssert.RecordsEqual([records[2]], await ReadAllAsync(0));
    }

    [Fact]
    public async Task WriteCheckpointAsync_OldRecordsNotCovered_AreKept()
    {
        // Arrange
        var records = Enumerable.Range(1, 4).Select(offset => AgedRecord(0, offset, 60)).ToArray();
        await Storage.AppendAsync(records);

        // Act: nothing is covered without a truncation offset; then only up to 2.
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, truncateThrough: 0, truncateBefore: Cutoff));
        var afterNone = await ReadAllAsync(0);
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, truncateThrough: 2, truncateBefore: Cutoff));

        // Assert
        Assert.Equal(4, afterNone.Count);
        StorageAssert.RecordsEqual(records[2..], await ReadAllAsync(0));
    }

    [Fact]
    public async Task ReadIndexAsync_HolesLeftByRetentionInInterleavedBatches_ReturnsExactRecordsAfterEveryOffset()
    {
        // Arrange: partitions 0 and 1 interleaved over three appends; in partition 0 every third record is recent.
        var expected = new List<LogRecord>();
        for (var batch = 0; batch < 3; batch++)
        {
            var appended = new List<LogRecord>();
            for (var i = 0; i < 8; i++)
            {
                var offset = (batch * 4) + (i / 2) + 1;
                appended.Add(AgedRecord(i % 2, offset, offset % 3 == 0 ? 1 : 90));
            }

            await Storage.AppendAsync(appended);
            expected.AddRange(appended.Where(r => r.Partition == 0 && (r.Offset % 3 == 0 || r.Offset > 10)));
        }

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 10, truncateThrough: 10, truncateBefore: Cutoff));
        await Storage.AppendAsync([AgedRecord(0, 13, 0), AgedRecord(1, 13, 0)]);
        expected.Add(AgedRecord(0, 13, 0));

        // Assert
        Assert.Equal([3L, 6, 9, 11, 12, 13], expected.Select(r => r.Offset));
        for (var after = 0; after <= 13; after++)
        {
            StorageAssert.RecordsEqual(expected.Where(r => r.Offset > after).ToList(), await ReadAllAsync(0, after));
        }

        Assert.Equal(13, (await ReadAllAsync(1)).Count);
    }

    [Fact]
    public async Task WriteCheckpointAsync_RetentionThenTruncationWithoutCutoff_DeletesEverythingCovered()
    {
        // Arrange: retention leaves the recent records 2 and 4 between holes.
        LogRecord[] records = [AgedRecord(0, 1, 90), AgedRecord(0, 2, 1), AgedRecord(0, 3, 90), AgedRecord(0, 4, 1), AgedRecord(0, 5, 1)];
        await Storage.AppendAsync(records);
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, truncateThrough: 4, truncateBefore: Cutoff));

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, truncateThrough: 4));
        await Storage.AppendAsync([AgedRecord(0, 6, 0)]);

        // Assert
        StorageAssert.RecordsEqual([records[4], AgedRecord(0, 6, 0)], await ReadAllAsync(0));
    }

    [Fact]
    public async Task AppendAsync_AfterRetentionDeletedTheNewestRecords_ContinuesTheLogConsistently()
    {
        // Arrange: the newest records of the log are old events (a backfill), so retention deletes the log's tail.
        LogRecord[] records = [AgedRecord(0, 1, 1), AgedRecord(0, 2, 1), AgedRecord(0, 3, 90), AgedRecord(0, 4, 90)];
        await Storage.AppendAsync(records);
        await Storage.WriteCheckpointAsync(Checkpoint(0, 4, truncateThrough: 4, truncateBefore: Cutoff));

        // Act
        LogRecord[] later = [AgedRecord(0, 5, 0), AgedRecord(1, 1, 0), AgedRecord(0, 6, 0)];
        await Storage.AppendAsync(later);

        // Assert
        StorageAssert.RecordsEqual([records[0], records[1], later[0], later[2]], await ReadAllAsync(0));
        StorageAssert.RecordsEqual([later[1]], await ReadAllAsync(1));
        for (var after = 0; after <= 6; after++)
        {
            Assert.Equal(
                new long[] { 1, 2, 5, 6 }.Where(o => o > after),
                (await ReadAllAsync(0, after)).Select(r => r.Offset));
        }
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_AfterRetention_ReturnsRecentAndUncoveredRecords()
    {
        // Arrange
        var c1 = Customer("c1");
        LogRecord[] records = [AgedRecord(0, 1, 90, c1), AgedRecord(0, 2, 2, c1), AgedRecord(0, 3, 90, c1), AgedRecord(0, 4, 90, c1)];
        await Storage.AppendAsync(records);

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 3, truncateBefore: Cutoff));

        // Assert
        StorageAssert.RecordsEqual([records[3], records[1]], await Storage.ReadGrainRecordsAsync(c1, null, 10));
    }
}
