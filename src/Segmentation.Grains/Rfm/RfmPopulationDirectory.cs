using Segmentation.Runtime;

namespace Segmentation.Grains.Rfm;

/// <summary>
/// What hosts (the dashboard) use to read the RFM population as a recency x frequency grid: each shard scores its
/// customers with the current cut points (<see cref="RfmCutPointsCache"/>), so the grid agrees with the scores that
/// profiles show. Nothing is read before the first cut points are computed.
/// </summary>
public sealed class RfmPopulationDirectory(IGrainFactory grains, RfmCutPointsCache cutPoints, TimeProvider time)
{
    /// <summary>The largest cell page.</summary>
    public const int MaxPageSize = 1_000;

    /// <summary>The count of every cell; null until the cut points are first computed.</summary>
    public async Task<RfmGridCounts?> CountAsync(CancellationToken cancellationToken = default)
    {
        if (cutPoints.Current is not { } current)
        {
            return null;
        }

        var asOf = time.GetUtcNow();
        var shards = await Task.WhenAll(Shards.All.Select(shard => Shard(shard)
            .InvokeReadOnlyAsync(g => g.CountCellsAsync(current, asOf), cancellationToken).AsTask())).ConfigureAwait(false);
        var counts = new int[RfmGridCoordinate.Size * RfmGridCoordinate.Size];
        foreach (var shard in shards)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += shard[i];
            }
        }

        return new RfmGridCounts(current, asOf, counts);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> customers of <paramref name="cell"/> after <paramref name="afterCustomerId"/>, in
    /// ordinal order of their ids; null until the cut points are first computed.
    /// </summary>
    public async Task<RfmCellPage?> ListCellAsync(
        RfmGridCoordinate cell, string? afterCustomerId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        if (cutPoints.Current is not { } current)
        {
            return null;
        }

        // One more than a page from each shard tells whether another page follows.
        var asOf = time.GetUtcNow();
        var shards = await Task.WhenAll(Shards.All.Select(shard => Shard(shard)
            .InvokeReadOnlyAsync(g => g.ListCellAsync(current, asOf, cell, afterCustomerId, limit + 1), cancellationToken).AsTask()))
            .ConfigureAwait(false);
        var merged = shards.SelectMany(static ids => ids).Order(StringComparer.Ordinal).Take(limit + 1).ToList();
        if (merged.Count <= limit)
        {
            return new RfmCellPage(merged, null);
        }

        merged.RemoveAt(limit);
        return new RfmCellPage(merged, merged[^1]);
    }

    private GrainReference<RfmShardGrain> Shard(string shard) => grains.GetGrain<RfmShardGrain>(shard);
}
