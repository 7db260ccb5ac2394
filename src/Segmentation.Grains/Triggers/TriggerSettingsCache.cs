using Segmentation.Grains.Triggers.Catalog;
using Segmentation.Runtime;

namespace Segmentation.Grains.Triggers;

/// <summary>
/// The silo's trigger settings, shared by every customer grain. The catalog grain publishes a whole new
/// <see cref="TriggerSettingsSet"/> when it activates and after each edit; until the first arrives,
/// <c>EnsureLoadedAsync</c> activates the catalog and waits for it.
/// </summary>
public sealed class TriggerSettingsCache(IGrainFactory grains) : PublishedCache<TriggerSettingsSet>
{
    protected override long RevisionOf(TriggerSettingsSet value) => value.Revision;

    protected override async Task<TriggerSettingsSet> LoadAsync() =>
        await grains.GetGrain<TriggerCatalogGrain>(TriggerCatalogGrain.Key)
            .InvokeReadOnlyAsync(static catalog => catalog.GetSettingsAsync()).ConfigureAwait(false);
}
