using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

/// <summary>
/// The guarantees every <see cref="ISiloStorage"/> provider gives, run once per provider by a derived class.
/// Each test gets a provider over fresh, empty storage, opened with <see cref="PartitionCount"/> partitions.
/// </summary>
public abstract partial class SiloStorageContractTests : IAsyncLifetime
{
    protected const int PartitionCount = 4;

    private ISiloStorage? _storage;

    protected ISiloStorage Storage => _storage ?? throw new InvalidOperationException("The test storage is not open.");

    public virtual async Task InitializeAsync()
    {
        _storage = CreateStorage();
        await _storage.OpenAsync(PartitionCount);
    }

    public virtual async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    /// <summary>A new provider, not yet opened, over this test's storage (empty until the test writes to it).</summary>
    protected abstract ISiloStorage CreateStorage();

    [Fact]
    public async Task OpenAsync_AlreadyOpen_ThrowsInvalidOperation()
    {
        // Arrange: the storage of the test is open.

        // Act
        var open = () => Storage.OpenAsync(PartitionCount);

        // Assert
        await Assert.ThrowsAsync<InvalidOperationException>(open);
    }

    [Fact]
    public async Task OpenAsync_ZeroPartitions_ThrowsArgumentOutOfRange()
    {
        // Arrange
        await Storage.DisposeAsync();
        await using var storage = CreateStorage();

        // Act
        var open = () => storage.OpenAsync(0);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(open);
    }

    [Fact]
    public async Task ReadLastOffsetAsync_BeforeOpen_ThrowsInvalidOperation()
    {
        // Arrange
        await Storage.DisposeAsync();
        await using var storage = CreateStorage();

        // Act
        var read = () => storage.ReadLastOffsetAsync(0);

        // Assert
        await Assert.ThrowsAsync<InvalidOperationException>(read);
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_ThrowsObjectDisposed()
    {
        // Arrange
        await Storage.DisposeAsync();

        // Act
        var append = () => Storage.AppendAsync([RecordAt(0, 1)]);

        // Assert
        await Assert.ThrowsAsync<ObjectDisposedException>(append);
    }

    [Fact]
    public async Task DisposeAsync_CalledTwice_DoesNotThrow()
    {
        // Arrange
        await Storage.DisposeAsync();

        // Act
        var exception = await Record.ExceptionAsync(async () => await Storage.DisposeAsync());

        // Assert
        Assert.Null(exception);
    }

    [Fact]
    public async Task ReadLastOffsetAsync_UnknownPartition_ThrowsArgumentOutOfRange()
    {
        // Act
        var read = () => Storage.ReadLastOffsetAsync(PartitionCount);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(read);
    }

    protected Task<IReadOnlyList<LogRecord>> ReadAllAsync(int partition, long afterOffset = 0) =>
        Storage.ReadAllAsync(partition, afterOffset);
}
