using Segmentation.Runtime;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

public abstract partial class SiloStorageContractTests
{
    [Fact]
    public async Task ReadGrainRecordsAsync_InterleavedGrainsAndBatches_ReturnsOnlyThatGrainNewestFirst()
    {
        // Arrange: c1's records among others of partition 1, over three appends, beside other partitions' records.
        LogRecord[] first = [RecordAt(1, 1, Customer("c1")), RecordAt(0, 1, Customer("x")), RecordAt(1, 2, Customer("c2"))];
        LogRecord[] second = [RecordAt(1, 3, Customer("c1"), kind: "link"), RecordAt(1, 4, Segment("c1"))];
        LogRecord[] third = [RecordAt(2, 1, Customer("y")), RecordAt(1, 5, Customer("c1")), RecordAt(1, 6, Customer("c2"))];
        await Storage.AppendAsync(first);
        await Storage.AppendAsync(second);
        await Storage.AppendAsync(third);

        // Act
        var records = await Storage.ReadGrainRecordsAsync(Customer("c1"), beforeOffset: null, limit: 10);

        // Assert
        StorageAssert.RecordsEqual([third[1], second[0], first[0]], records);
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_PagedByBeforeOffset_ReturnsConsecutivePagesWithoutOverlap()
    {
        // Arrange: c1 holds the even offsets 2..20 of partition 0.
        var records = Enumerable.Range(1, 20)
            .Select(offset => RecordAt(0, offset, Customer(offset % 2 == 0 ? "c1" : "c2")))
            .ToArray();
        await Storage.AppendAsync(records);

        // Act
        var page1 = await Storage.ReadGrainRecordsAsync(Customer("c1"), null, 4);
        var page2 = await Storage.ReadGrainRecordsAsync(Customer("c1"), page1[^1].Offset, 4);
        var page3 = await Storage.ReadGrainRecordsAsync(Customer("c1"), page2[^1].Offset, 4);

        // Assert
        Assert.Equal([20L, 18, 16, 14], page1.Select(r => r.Offset));
        Assert.Equal([12L, 10, 8, 6], page2.Select(r => r.Offset));
        Assert.Equal([4L, 2], page3.Select(r => r.Offset));
        Assert.Empty(await Storage.ReadGrainRecordsAsync(Customer("c1"), 2, 4));
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_BeforeOffsetBetweenRecords_StartsBelowIt()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 3).Select(r => r with { Target = Customer("c1") }).ToArray());

        // Act
        var records = await Storage.ReadGrainRecordsAsync(Customer("c1"), beforeOffset: 3, limit: 10);

        // Assert
        Assert.Equal([2L, 1], records.Select(r => r.Offset));
        Assert.Empty(await Storage.ReadGrainRecordsAsync(Customer("c1"), beforeOffset: 0, limit: 10));
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_PartlyCheckpointed_PagesAcrossTheCheckpointExactly()
    {
        // Arrange: c1 holds every third offset of partition 3, beside partition 1; checkpoints cover part of both.
        var records = new List<LogRecord>();
        for (var batch = 0; batch < 4; batch++)
        {
            var appended = new List<LogRecord>();
            for (var i = 1; i <= 6; i++)
            {
                var offset = (batch * 6) + i;
                appended.Add(RecordAt(3, offset, Customer(offset % 3 == 0 ? "c1" : "c2")));
                appended.Add(RecordAt(1, offset, Customer("c1")));
            }

            await Storage.AppendAsync(appended);
            records.AddRange(appended);
        }

        await Storage.WriteCheckpointAsync(Checkpoint(3, 14));
        await Storage.WriteCheckpointAsync(Checkpoint(1, 24));

        // Act
        var pages = new List<long[]>();
        long? before = null;
        do
        {
            var page = await Storage.ReadGrainRecordsAsync(Customer("c1"), before, 3);
            pages.Add(page.Where(r => r.Partition == 3).Select(r => r.Offset).ToArray());
            before = page.Count == 3 ? page[^1].Offset : null;
        }
        while (before is not null);

        // Assert: c1's records of partition 1 share its offsets, so only partition 3's are checked by page.
        var all = await Storage.ReadGrainRecordsAsync(Customer("c1"), null, 100);
        Assert.Equal(32, all.Count);
        Assert.Equal(
            [24L, 21, 18, 15, 12, 9, 6, 3],
            all.Where(r => r.Partition == 3).Select(r => r.Offset));
        StorageAssert.RecordEqual(records.Single(r => r.Partition == 3 && r.Offset == 15), all.Single(r => r.Partition == 3 && r.Offset == 15));
        Assert.Equal(Enumerable.Range(1, 24).Reverse().Select(o => (long)o), all.Where(r => r.Partition == 1).Select(r => r.Offset));
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_OneGrainPartlyCheckpointed_PagesExactly()
    {
        // Arrange: c1's records are offsets 2, 4, .. 20 of partition 2; the checkpoint covers 1..11.
        await Storage.AppendAsync(Enumerable.Range(1, 10).Select(o => RecordAt(2, o, Customer(o % 2 == 0 ? "c1" : "c2"))).ToArray());
        await Storage.AppendAsync(Enumerable.Range(11, 10).Select(o => RecordAt(2, o, Customer(o % 2 == 0 ? "c1" : "c2"))).ToArray());
        await Storage.WriteCheckpointAsync(Checkpoint(2, 11));

        // Act
        var page1 = await Storage.ReadGrainRecordsAsync(Customer("c1"), null, 4);
        var page2 = await Storage.ReadGrainRecordsAsync(Customer("c1"), page1[^1].Offset, 4);
        var page3 = await Storage.ReadGrainRecordsAsync(Customer("c1"), page2[^1].Offset, 4);

        // Assert
        Assert.Equal([20L, 18, 16, 14], page1.Select(r => r.Offset));
        Assert.Equal([12L, 10, 8, 6], page2.Select(r => r.Offset));
        Assert.Equal([4L, 2], page3.Select(r => r.Offset));
        StorageAssert.RecordEqual(RecordAt(2, 10, Customer("c1")), page2[1]);
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_UnknownGrain_ReturnsEmpty()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 3));

        // Act
        var records = await Storage.ReadGrainRecordsAsync(Customer("nobody"), null, 10);

        // Assert
        Assert.Empty(records);
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_AfterTruncation_ReturnsOnlyRecordsLeft()
    {
        // Arrange
        await Storage.AppendAsync(Records(0, 1, 5).Select(r => r with { Target = Customer("c1") }).ToArray());

        // Act
        await Storage.WriteCheckpointAsync(Checkpoint(0, 3, truncateThrough: 3));

        // Assert
        Assert.Equal([5L, 4], (await Storage.ReadGrainRecordsAsync(Customer("c1"), null, 10)).Select(r => r.Offset));
    }

    [Fact]
    public async Task ReadGrainRecordsAsync_CallerChangesReturnedPayload_StoredPayloadUnchanged()
    {
        // Arrange
        await Storage.AppendAsync([RecordAt(0, 1, Customer("c1"))]);
        var first = Assert.Single(await Storage.ReadGrainRecordsAsync(Customer("c1"), null, 1));

        // Act
        first.Payload[0] = (byte)'X';

        // Assert
        StorageAssert.RecordEqual(RecordAt(0, 1, Customer("c1")), Assert.Single(await Storage.ReadGrainRecordsAsync(Customer("c1"), null, 1)));
    }

    [Theory]
    [InlineData(-1L, 10)]
    [InlineData(5L, 0)]
    public async Task ReadGrainRecordsAsync_NegativeOffsetOrLimitBelowOne_ThrowsArgumentOutOfRange(long beforeOffset, int limit)
    {
        // Act
        var read = () => Storage.ReadGrainRecordsAsync(Customer("c1"), beforeOffset, limit);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(read);
    }
}
