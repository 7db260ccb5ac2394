using Segmentation.Runtime.Storage;
using static Segmentation.Storage.Tests.TestData;

namespace Segmentation.Storage.Tests;

public abstract partial class SiloStorageContractTests
{
    private const string StateName = "profile";

    [Fact]
    public async Task ReadStateAsync_NothingStored_ReturnsNull()
    {
        // Act
        var stored = await Storage.ReadStateAsync(Customer("c1"), StateName);

        // Assert
        Assert.Null(stored);
    }

    [Fact]
    public async Task WriteStateAsync_NullEtagAndNothingStored_CreatesStateWithReturnedEtag()
    {
        // Arrange
        var grain = Customer("c1");

        // Act
        var etag = await Storage.WriteStateAsync(grain, StateName, Bytes("v1"), expectedEtag: null);

        // Assert
        var stored = await Storage.ReadStateAsync(grain, StateName);
        Assert.NotNull(stored);
        Assert.Equal(Bytes("v1"), stored.Data);
        Assert.Equal(etag, stored.Etag);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task WriteStateAsync_MatchingEtag_ReplacesStateWithNewEtag()
    {
        // Arrange
        var grain = Customer("c1");
        var first = await Storage.WriteStateAsync(grain, StateName, Bytes("v1"), null);

        // Act
        var second = await Storage.WriteStateAsync(grain, StateName, Bytes("v2"), first);

        // Assert
        var stored = await Storage.ReadStateAsync(grain, StateName);
        Assert.NotEqual(first, second);
        Assert.Equal(Bytes("v2"), stored!.Data);
        Assert.Equal(second, stored.Etag);
    }

    [Fact]
    public async Task WriteStateAsync_StaleEtag_ThrowsAndKeepsStoredState()
    {
        // Arrange
        var grain = Customer("c1");
        var stale = await Storage.WriteStateAsync(grain, StateName, Bytes("v1"), null);
        var current = await Storage.WriteStateAsync(grain, StateName, Bytes("v2"), stale);

        // Act
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(grain, StateName, Bytes("v3"), stale));

        // Assert
        Assert.Equal(stale, conflict.ExpectedEtag);
        Assert.Equal(current, conflict.StoredEtag);
        Assert.Equal(grain, conflict.GrainId);
        var stored = await Storage.ReadStateAsync(grain, StateName);
        Assert.Equal(Bytes("v2"), stored!.Data);
        Assert.Equal(current, stored.Etag);
    }

    [Fact]
    public async Task WriteStateAsync_NullEtagWhileStateExists_ThrowsAndKeepsStoredState()
    {
        // Arrange
        var grain = Customer("c1");
        var etag = await Storage.WriteStateAsync(grain, StateName, Bytes("v1"), null);

        // Act
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(grain, StateName, Bytes("other"), null));

        // Assert
        Assert.Null(conflict.ExpectedEtag);
        Assert.Equal(etag, conflict.StoredEtag);
        Assert.Equal(Bytes("v1"), (await Storage.ReadStateAsync(grain, StateName))!.Data);
    }

    [Fact]
    public async Task WriteStateAsync_EtagWhileNothingStored_ThrowsAndStoresNothing()
    {
        // Act
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(Customer("c1"), StateName, Bytes("v1"), "made-up-etag"));

        // Assert
        Assert.Null(conflict.StoredEtag);
        Assert.Null(await Storage.ReadStateAsync(Customer("c1"), StateName));
    }

    [Fact]
    public async Task ClearStateAsync_MatchingEtag_RemovesStateAndAllowsCreateAgain()
    {
        // Arrange
        var grain = Customer("c1");
        var etag = await Storage.WriteStateAsync(grain, StateName, Bytes("v1"), null);

        // Act
        await Storage.ClearStateAsync(grain, StateName, etag);

        // Assert
        Assert.Null(await Storage.ReadStateAsync(grain, StateName));
        var recreated = await Storage.WriteStateAsync(grain, StateName, Bytes("v2"), null);
        Assert.Equal(recreated, (await Storage.ReadStateAsync(grain, StateName))!.Etag);
    }

    [Fact]
    public async Task ClearStateAsync_StaleEtag_ThrowsAndKeepsState()
    {
        // Arrange
        var grain = Customer("c1");
        var stale = await Storage.WriteStateAsync(grain, StateName, Bytes("v1"), null);
        var current = await Storage.WriteStateAsync(grain, StateName, Bytes("v2"), stale);

        // Act
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(grain, StateName, stale));

        // Assert
        Assert.Equal(current, conflict.StoredEtag);
        Assert.Equal(Bytes("v2"), (await Storage.ReadStateAsync(grain, StateName))!.Data);
    }

    [Fact]
    public async Task ClearStateAsync_NullEtagAndNothingStored_Succeeds()
    {
        // Act
        var exception = await Record.ExceptionAsync(() => Storage.ClearStateAsync(Customer("c1"), StateName, null));

        // Assert
        Assert.Null(exception);
        Assert.Null(await Storage.ReadStateAsync(Customer("c1"), StateName));
    }

    [Fact]
    public async Task WriteStateAsync_EtagFromBeforeClearAndRecreate_Throws()
    {
        // Arrange
        var grain = Customer("c1");
        var old = await Storage.WriteStateAsync(grain, StateName, Bytes("v1"), null);
        await Storage.ClearStateAsync(grain, StateName, old);
        await Storage.WriteStateAsync(grain, StateName, Bytes("v2"), null);

        // Act
        var write = () => Storage.WriteStateAsync(grain, StateName, Bytes("v3"), old);

        // Assert
        await Assert.ThrowsAsync<InconsistentStateException>(write);
        Assert.Equal(Bytes("v2"), (await Storage.ReadStateAsync(grain, StateName))!.Data);
    }

    [Fact]
    public async Task WriteStateAsync_SameKeyOfTwoGrainTypes_KeepsSeparateStates()
    {
        // Arrange
        var customer = Customer("shared-key");
        var segment = Segment("shared-key");

        // Act
        var customerEtag = await Storage.WriteStateAsync(customer, StateName, Bytes("customer"), null);
        var segmentEtag = await Storage.WriteStateAsync(segment, StateName, Bytes("segment"), null);
        await Storage.ClearStateAsync(segment, StateName, segmentEtag);

        // Assert
        var stored = await Storage.ReadStateAsync(customer, StateName);
        Assert.Equal(Bytes("customer"), stored!.Data);
        Assert.Equal(customerEtag, stored.Etag);
        Assert.Null(await Storage.ReadStateAsync(segment, StateName));
    }

    [Fact]
    public async Task WriteStateAsync_TwoStateNames_KeepsSeparateStates()
    {
        // Arrange
        var grain = Customer("c1");

        // Act
        await Storage.WriteStateAsync(grain, "profile", Bytes("profile"), null);
        await Storage.WriteStateAsync(grain, "consent", Bytes("consent"), null);

        // Assert
        Assert.Equal(Bytes("profile"), (await Storage.ReadStateAsync(grain, "profile"))!.Data);
        Assert.Equal(Bytes("consent"), (await Storage.ReadStateAsync(grain, "consent"))!.Data);
    }

    [Fact]
    public async Task WriteStateAsync_CallerChangesBufferAfterWrite_StoredDataUnchanged()
    {
        // Arrange
        var grain = Customer("c1");
        var data = Bytes("v1");
        await Storage.WriteStateAsync(grain, StateName, data, null);

        // Act
        data[0] = (byte)'X';
        var read = (await Storage.ReadStateAsync(grain, StateName))!;
        read.Data[1] = (byte)'Y';

        // Assert
        Assert.Equal(Bytes("v1"), (await Storage.ReadStateAsync(grain, StateName))!.Data);
    }

    [Fact]
    public async Task WriteStateAsync_EmptyData_RoundTripsAsEmpty()
    {
        // Act
        await Storage.WriteStateAsync(Customer("c1"), StateName, [], null);

        // Assert
        Assert.Empty((await Storage.ReadStateAsync(Customer("c1"), StateName))!.Data);
    }

    [Fact]
    public async Task WriteStateAsync_ConcurrentWritersWithSameEtag_ExactlyOneSucceeds()
    {
        // Arrange
        var grain = Customer("c1");
        var etag = await Storage.WriteStateAsync(grain, StateName, Bytes("v1"), null);

        // Act
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                return await Storage.WriteStateAsync(grain, StateName, Bytes($"writer-{i}"), etag);
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        })));

        // Assert
        var winner = Assert.Single(outcomes, outcome => outcome is not null);
        Assert.Equal(winner, (await Storage.ReadStateAsync(grain, StateName))!.Etag);
    }
}
