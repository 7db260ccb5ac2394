using Segmentation.Grains.Triggers.Catalog;
using Segmentation.Runtime;

namespace Segmentation.Grains.Triggers;

/// <summary>
/// The silo's trigger settings, shared by every customer grain. The catalog grain publishes a whole new
/// <see cref="TriggerSettingsSet"/> when it activates and after each edit; until the first arrives,
/// <see cref="EnsureLoadedAsync"/> activates the catalog and waits for it.
/// </summary>
public sealed class TriggerSettingsCache(IGrainFactory grains)
{
    private readonly Lock _lock = new();
    private volatile TriggerSettingsSet? _current;
    private Task? _loading;

    /// <summary>The latest settings; null until the catalog published them.</summary>
    public TriggerSettingsSet? Current => _current;

    /// <summary>Takes <paramref name="set"/> unless a newer revision is already here.</summary>
    public void Publish(TriggerSettingsSet set)
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

    /// <summary>Completes once settings are here, loading them from the catalog the first time.</summary>
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
        var set = await grains.GetGrain<TriggerCatalogGrain>(TriggerCatalogGrain.Key)
            .InvokeReadOnlyAsync(static catalog => catalog.GetSettingsAsync()).ConfigureAwait(false);
        Publish(set);
    }
}
