namespace Segmentation.Runtime.Storage;

/// <summary>Grain state with etags, keyed on the full grain identity and the state name.</summary>
public interface IGrainStorage
{
    Task<StoredGrainState?> ReadStateAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default);

    /// <summary>Writes when <paramref name="expectedEtag"/> matches the stored etag (null: nothing stored); returns the new etag.</summary>
    /// <exception cref="InconsistentStateException">The etag did not match; nothing was written.</exception>
    Task<string> WriteStateAsync(
        GrainId grainId, string stateName, byte[] data, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <exception cref="InconsistentStateException">The etag did not match; nothing was deleted.</exception>
    Task ClearStateAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken = default);
}
