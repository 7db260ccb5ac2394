using System.Text.Json;
using Segmentation.Runtime.Storage;

namespace Segmentation.Runtime.Storage;

/// <summary>Grain state in <see cref="IGrainStorage"/>, serialized as JSON, guarded by its etag.</summary>
internal sealed class PersistentState<TState>(IGrainStorage storage, GrainId grainId, string stateName) : IPersistentState<TState>
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadStateAsync(grainId, stateName, cancellationToken).ConfigureAwait(false);
        State = stored is null ? new TState() : JsonSerializer.Deserialize<TState>(stored.Data) ?? new TState();
        Etag = stored?.Etag;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(State);
        Etag = await storage.WriteStateAsync(grainId, stateName, data, Etag, cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearStateAsync(grainId, stateName, Etag, cancellationToken).ConfigureAwait(false);
        Etag = null;
        State = new TState();
    }
}
