using Segmentation.Runtime;
using Segmentation.Runtime.Storage;

namespace Segmentation.Storage.InMemory;

public sealed partial class InMemorySiloStorage
{
    /// <inheritdoc />
    public Task<StoredGrainState?> ReadStateAsync(
        GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckState(grainId, stateName, data: null, dataRequired: false);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            return Task.FromResult(
                _states.TryGetValue((grainId, stateName), out var stored)
                    ? new StoredGrainState(Copy(stored.Data), stored.Etag)
                    : null);
        }
    }

    /// <inheritdoc />
    public Task<string> WriteStateAsync(
        GrainId grainId, string stateName, byte[] data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckState(grainId, stateName, data, dataRequired: true);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = new StoredGrainState(Copy(data), Guid.NewGuid().ToString("N"));
        lock (_gate)
        {
            ThrowIfNotOpen();
            CheckEtag(grainId, stateName, expectedEtag);
            _states[(grainId, stateName)] = stored;
        }

        return Task.FromResult(stored.Etag);
    }

    /// <inheritdoc />
    public Task ClearStateAsync(
        GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        StorageArguments.CheckState(grainId, stateName, data: null, dataRequired: false);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ThrowIfNotOpen();
            CheckEtag(grainId, stateName, expectedEtag);
            _states.Remove((grainId, stateName));
        }

        return Task.CompletedTask;
    }

    private void CheckEtag(GrainId grainId, string stateName, string? expectedEtag)
    {
        var storedEtag = _states.TryGetValue((grainId, stateName), out var stored) ? stored.Etag : null;
        if (!string.Equals(storedEtag, expectedEtag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(grainId, stateName, expectedEtag, storedEtag);
        }
    }
}
