using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.TestKit;

/// <summary>
/// Wraps a silo's storage so that a simulated crash cuts it off: after <see cref="KillAsync"/> every call fails, as if
/// the process had died, while the storage underneath keeps exactly what was durable for the next silo.
/// </summary>
public sealed class KillSwitchStorage(ISiloStorage inner) : ISiloStorage
{
    private volatile bool _killed;

    /// <summary>Cuts the silo off, then closes the storage underneath as the operating system would for a dead process.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        try
        {
            await inner.DisposeAsync();
        }
        catch (Exception)
        {
            // A dead process does not get to close cleanly either.
        }
    }

    public Task OpenAsync(int partitionCount, CancellationToken cancellationToken = default) =>
        Alive().OpenAsync(partitionCount, cancellationToken);

    public Task<StoredGrainState?> ReadStateAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default) =>
        Alive().ReadStateAsync(grainId, stateName, cancellationToken);

    public Task<string> WriteStateAsync(
        GrainId grainId, string stateName, byte[] data, string? expectedEtag, CancellationToken cancellationToken = default) =>
        Alive().WriteStateAsync(grainId, stateName, data, expectedEtag, cancellationToken);

    public Task ClearStateAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default) =>
        Alive().ClearStateAsync(grainId, stateName, expectedEtag, cancellationToken);

    public Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default) =>
        Alive().AppendAsync(records, cancellationToken);

    public Task<long> ReadLastOffsetAsync(int partition, CancellationToken cancellationToken = default) =>
        Alive().ReadLastOffsetAsync(partition, cancellationToken);

    public IAsyncEnumerable<LogIndexEntry> ReadIndexAsync(int partition, long afterOffset, CancellationToken cancellationToken = default) =>
        Alive().ReadIndexAsync(partition, afterOffset, cancellationToken);

    public Task<IReadOnlyList<LogRecord>> ReadRecordsAsync(
        int partition, IReadOnlyList<LogIndexEntry> entries, CancellationToken cancellationToken = default) =>
        Alive().ReadRecordsAsync(partition, entries, cancellationToken);

    public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default) =>
        Alive().ReadCheckpointAsync(partition, cancellationToken);

    public Task<IReadOnlyList<LogRecord>> ReadGrainRecordsAsync(
        GrainId grainId, long? beforeOffset, int limit, CancellationToken cancellationToken = default) =>
        Alive().ReadGrainRecordsAsync(grainId, beforeOffset, limit, cancellationToken);

    public Task<GrainSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Alive().ReadSnapshotAsync(grainId, cancellationToken);

    public Task WriteCheckpointAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
        Alive().WriteCheckpointAsync(checkpoint, cancellationToken);

    public Task WriteRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken = default) =>
        Alive().WriteRemindersAsync(changes, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(
        int partition, DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken = default) =>
        Alive().ReadDueAsync(partition, dueBefore, limit, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRemindersAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Alive().ReadRemindersAsync(grainId, cancellationToken);

    /// <summary>A graceful stop closes the storage; after a kill the test owns the storage underneath.</summary>
    public ValueTask DisposeAsync() => _killed ? ValueTask.CompletedTask : inner.DisposeAsync();

    private ISiloStorage Alive() =>
        _killed ? throw new ObjectDisposedException(nameof(KillSwitchStorage), "The silo was killed.") : inner;
}
