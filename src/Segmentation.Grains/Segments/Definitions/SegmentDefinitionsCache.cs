using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

/// <summary>
/// The silo's compiled segment definitions, shared by every customer grain. The catalog grain publishes a whole new
/// <see cref="SegmentDefinitionSet"/> when it activates and after each change; readers take <see cref="Current"/>
/// once per evaluation, so nobody sees a half-updated set. Until the first set arrives, <see cref="EnsureLoadedAsync"/>
/// activates the catalog and waits for it.
/// </summary>
public sealed class SegmentDefinitionsCache(IGrainFactory grains)
{
    private readonly Lock _lock = new();
    private volatile SegmentDefinitionSet? _current;
    private Task? _loading;

    /// <summary>The latest set; null until the catalog published one.</summary>
    public SegmentDefinitionSet? Current => _current;

    /// <summary>Takes <paramref name="set"/> unless a newer revision is already here.</summary>
    public void Publish(SegmentDefinitionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        lock (_lock)
        {
            if (_current is null || set.Revision >= _current.Revision)
            {
                _current = set;
            }
        }
    }

    /// <summary>Completes once a set is here, loading it from the catalog the first time.</summary>
    public ValueTask EnsureLoadedAsync(CancellationToken cancellationToken = default) =>
        _current is not null ? ValueTask.CompletedTask : new ValueTask(LoadOnceAsync().WaitAsync(cancellationToken));

    private Task LoadOnceAsync()
    {
        lock (_lock)
        {
            return _loading is { IsFaulted: false, IsCanceled: false } ? _loading : _loading = LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var set = await grains.GetGrain<SegmentCatalogGrain>(SegmentCatalogGrain.Key)
            .InvokeReadOnlyAsync(static catalog => catalog.GetDefinitionsAsync()).ConfigureAwait(false);
        Publish(set);
    }
}
