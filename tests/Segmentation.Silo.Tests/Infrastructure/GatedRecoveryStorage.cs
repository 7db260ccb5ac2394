using Segmentation.Runtime;
using Segmentation.Runtime.Storage;
using Segmentation.Storage.InMemory;

namespace Segmentation.Silo.Tests.Infrastructure;

/// <summary>
/// In-memory storage whose first recovery read waits until the test calls <see cref="Release"/> or <see cref="Fail"/>:
/// the silo stays <c>Recovering</c> for as long as a test needs, then recovers or fails on cue.
/// </summary>
public sealed class GatedRecoveryStorage : ISiloStorage
{
    private readonly InMemorySiloStorage _inner = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public void Fail(Exception exception) => _gate.TrySetException(exception);

    public Task OpenAsync(int partitionCount, CancellationToken cancellationToken = default) =>
        _inner.OpenAsync(partitionCount, cancellationToken);

    public async Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        return await _inner.ReadCheckpointAsync(partition, cancellationToken);
    }

    public Task<StoredGrainState?> ReadStateAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default) =>
        _inner.ReadStateAsync(grainId, stateName, cancellationToken);

    public Task<string> WriteStateAsync(
        GrainId grainId, string stateName, byte[] data, string? expectedEtag, CancellationToken cancellationToken = default) =>
        _inner.WriteStateAsync(grainId, stateName, data, expectedEtag, cancellationToken);

    public Task ClearStateAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default) =>
        _inner.ClearStateAsync(grainId, stateName, expectedEtag, cancellationToken);

    public Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default) =>
        _inner.AppendAsync(records, cancellationToken);

    public Task<long> ReadLastOffsetAsync(int partition, CancellationToken cancellationToken = default) =>
        _inner.ReadLastOffsetAsync(partition, cancellationToken);

    public IAsyncEnumerable<LogIndexEntry> ReadIndexAsync(int partition, long afterOffset, CancellationToken cancellationToken = default) =>
        _inner.ReadIndexAsync(partition, afterOffset, cancellationToken);

    public Task<IReadOnlyList<LogRecord>> ReadRecordsAsync(
        int partition, IReadOnlyList<LogIndexEntry> entries, CancellationToken cancellationToken = default) =>
        _inner.ReadRecordsAsync(partition, entries, cancellationToken);

    public Task<IReadOnlyList<LogRecord>> ReadGrainRecordsAsync(
        GrainId grainId, long? beforeOffset, int limit, CancellationToken cancellationToken = default) =>
        _inner.ReadGrainRecordsAsync(grainId, beforeOffset, limit, cancellationToken);

    public Task<GrainSnapshot?> ReadSnapshotAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        _inner.ReadSnapshotAsync(grainId, cancellationToken);

    public Task WriteCheckpointAsync(PartitionCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
        _inner.WriteCheckpointAsync(checkpoint, cancellationToken);

    public Task WriteRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken = default) =>
        _inner.WriteRemindersAsync(changes, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(
        int partition, DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken = default) =>
        _inner.ReadDueAsync(partition, dueBefore, limit, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRemindersAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        _inner.ReadRemindersAsync(grainId, cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
