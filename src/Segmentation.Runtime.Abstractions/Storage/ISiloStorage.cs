namespace Segmentation.Runtime.Storage;

/// <summary>
/// One storage provider for a silo: grain state, partition logs with checkpoints, and reminders, opened once
/// at start-up. Providers share one contract test suite.
/// </summary>
public interface ISiloStorage : IGrainStorage, IPartitionLogStorage, IReminderStorage, IAsyncDisposable
{
    /// <summary>Opens the store for a deployment of <paramref name="partitionCount"/> partitions, creating it when new.</summary>
    /// <exception cref="StorageOpenException">
    /// The store is held by another silo, cannot be written, is corrupt, or was created with another partition count.
    /// </exception>
    Task OpenAsync(int partitionCount, CancellationToken cancellationToken = default);
}
