using Segmentation.Runtime.Durability;
using Segmentation.TestKit;

namespace Segmentation.Runtime.Tests;

public sealed class CheckpointCancellationTests
{
    [Fact]
    public async Task Checkpoint_CancelledByAStop_LogsNoFailureAndTheNextCheckpointWritesTheSnapshot()
    {
        // Arrange: a changed grain, and a stop already under way.
        var log = new LogCapture();
        var options = TestSilos.Options();
        options.Logger = log.CreateLogger("Segmentation.Runtime");
        await using var silo = await TestSilo.StartAsync(options);
        await silo.AppendAsync("stopping", "entry", "one");
        await silo.WhenIdleAsync();
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => silo.Silo.Runtime.Checkpoints.CheckpointAllAsync(SnapshotMode.All, stopping.Token));
        await silo.Silo.Runtime.Checkpoints.CheckpointAllAsync(SnapshotMode.All);

        // Assert
        Assert.DoesNotContain(log.Messages, static m => m.StartsWith("Error", StringComparison.Ordinal));
        Assert.NotNull(await silo.Silo.Runtime.Storage.ReadSnapshotAsync(new GrainId("ledger", "stopping")));
    }
}
