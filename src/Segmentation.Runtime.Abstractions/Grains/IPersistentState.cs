namespace Segmentation.Runtime;

/// <summary>
/// A named piece of grain state kept in grain storage with an etag (Orleans' <c>IPersistentState&lt;T&gt;</c>).
/// A write whose etag no longer matches the stored one fails with <see cref="Storage.InconsistentStateException"/>.
/// </summary>
public interface IPersistentState<TState>
    where TState : new()
{
    TState State { get; set; }

    /// <summary>The version last read or written; null when nothing is stored.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
