using Segmentation.Runtime;

namespace Segmentation.Grains.Segments;

/// <summary>
/// The silo's compiled segment definitions, shared by every customer grain. The catalog grain publishes a whole new
/// <see cref="SegmentDefinitionSet"/> when it activates and after each change; readers take <c>Current</c> once per
/// evaluation, so nobody sees a half-updated set. Until the first set arrives, <c>EnsureLoadedAsync</c> activates the
/// catalog and waits for it.
/// </summary>
public sealed class SegmentDefinitionsCache(IGrainFactory grains) : PublishedCache<SegmentDefinitionSet>
{
    protected override long RevisionOf(SegmentDefinitionSet value) => value.Revision;

    protected override async Task<SegmentDefinitionSet> LoadAsync() =>
        await grains.GetGrain<SegmentCatalogGrain>(SegmentCatalogGrain.Key)
            .InvokeReadOnlyAsync(static catalog => catalog.GetDefinitionsAsync()).ConfigureAwait(false);
}
