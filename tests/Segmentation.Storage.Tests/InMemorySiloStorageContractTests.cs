using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.InMemory;

namespace Segmentation.Storage.Tests;

/// <summary>The storage contract, run against <see cref="InMemorySiloStorage"/>, and what it does as a stand-in directory.</summary>
public sealed class InMemorySiloStorageContractTests : SiloStorageContractTests
{
    protected override ISiloStorage CreateStorage() => new InMemorySiloStorage();

    [Fact]
    public async Task OpenAsync_ReopenAfterDispose_SeesEverythingWritten()
    {
        var storage = new InMemorySiloStorage();
        await storage.OpenAsync(4);
        var record = new LogRecord(1, 1, new GrainId("customer", "c-1"), "k", [1, 2, 3], DateTimeOffset.UnixEpoch);
        await storage.AppendAsync([record]);
        await storage.DisposeAsync();

        await storage.OpenAsync(4);

        Assert.Equal(1, await storage.ReadLastOffsetAsync(1));
        var read = await storage.ReadAllAsync(1);

        Assert.Equal([1, 2, 3], Assert.Single(read).Payload);
    }

    [Fact]
    public async Task OpenAsync_ReopenWithAnotherPartitionCount_ThrowsStorageOpen()
    {
        var storage = new InMemorySiloStorage();
        await storage.OpenAsync(4);
        await storage.DisposeAsync();

        var exception = await Assert.ThrowsAsync<StorageOpenException>(() => storage.OpenAsync(8));

        Assert.Contains("4 partitions", exception.Message, StringComparison.Ordinal);
    }
}
