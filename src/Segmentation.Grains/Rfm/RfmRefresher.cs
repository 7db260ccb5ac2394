using Microsoft.Extensions.Options;
using Segmentation.Domain.Rfm;
using Segmentation.Runtime;

namespace Segmentation.Grains.Rfm;

/// <summary>
/// Computes the population's cut points from the shards' histograms (a walk over distinct values, never over
/// customers) and publishes them to <see cref="RfmCutPointsCache"/>.
/// </summary>
public sealed class RfmRefresher(IGrainFactory grains, RfmCutPointsCache cache, IOptions<CustomerProfileOptions> options, TimeProvider time)
{
    public async Task<RfmCutPoints> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var shards = await Task.WhenAll(Shards.All.Select(shard =>
            grains.GetGrain<RfmShardGrain>(shard).InvokeReadOnlyAsync(static g => g.GetPopulationAsync(), cancellationToken).AsTask()))
            .ConfigureAwait(false);
        var population = new RfmPopulation();
        foreach (var shard in shards)
        {
            population.AddAll(RfmPopulationSerializer.Deserialize(shard));
        }

        var now = time.GetUtcNow();
        var cutPoints = population.ComputeCutPoints(options.Value.Rfm.ToOptions(), now);
        cache.Set(cutPoints, now);
        return cutPoints;
    }
}
