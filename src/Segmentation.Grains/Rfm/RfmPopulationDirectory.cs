using Segmentation.Domain.Rfm;
using Segmentation.Runtime;

namespace Segmentation.Grains.Rfm;

/// <summary>
/// What hosts (the dashboard) use to read the RFM population as a recency x frequency grid: each shard scores its
/// customers with the current cut points (<see cref="RfmCutPointsCache"/>), so the grid agrees with the scores that
/// profiles show. Every read is one request per shard, each answered from one pass over the shard's customers.
/// Nothing is read before the first cut points are computed.
/// </summary>
public sealed class RfmPopulationDirectory(IGrainFactory grains, RfmCutPointsCache cutPoints, TimeProvider time)
{
    /// <summary>The largest cell page.</summary>
    public const int MaxPageSize = 1_000;

    /// <summary>The count of every cell; null until the cut points are first computed.</summary>
    public async Task<RfmGridCounts?> CountAsync(CancellationToken cancellationToken = default) =>
        (await ReadAsync(null, cancellationToken).ConfigureAwait(false))?.Grid();

    /// <summary>
    /// Up to <paramref name="limit"/> customers of <paramref name="cell"/> after <paramref name="afterCustomerId"/>, in
    /// ordinal order of their ids; null until the cut points are first computed.
    /// </summary>
    public async Task<RfmCellPage?> ListCellAsync(
        RfmGridCoordinate cell, string? afterCustomerId, int limit, CancellationToken cancellationToken = default) =>
        (await ReadAsync(PageOf(cell, afterCustomerId, limit), cancellationToken).ConfigureAwait(false))?.Page(limit);

    /// <summary>
    /// The count of every cell and the page <see cref="ListCellAsync"/> gives, from the same pass over the shards (so
    /// scored with the same cut points at the same instant); null until the cut points are first computed.
    /// </summary>
    public async Task<RfmGridAndCellPage?> CountAndListCellAsync(
        RfmGridCoordinate cell, string? afterCustomerId, int limit, CancellationToken cancellationToken = default) =>
        await ReadAsync(PageOf(cell, afterCustomerId, limit), cancellationToken).ConfigureAwait(false) is { } read
            ? new RfmGridAndCellPage(read.Grid(), read.Page(limit))
            : null;

    private static RfmCellPageRequest PageOf(RfmGridCoordinate cell, string? afterCustomerId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        // One more than a page from each shard tells whether another page follows.
        return new RfmCellPageRequest(cell, afterCustomerId, limit + 1);
    }

    private async Task<ShardReadings?> ReadAsync(RfmCellPageRequest? page, CancellationToken cancellationToken)
    {
        if (cutPoints.Current is not { } current)
        {
            return null;
        }

        var asOf = time.GetUtcNow();
        var shards = await Task.WhenAll(Shards.All.Select(shard => grains.GetGrain<RfmShardGrain>(shard)
            .InvokeReadOnlyAsync(g => g.ReadGridAsync(current, asOf, page), cancellationToken).AsTask())).ConfigureAwait(false);
        return new ShardReadings(current, asOf, shards);
    }

    private sealed record ShardReadings(RfmCutPoints CutPoints, DateTimeOffset AsOf, RfmShardGrid[] Shards)
    {
        public RfmGridCounts Grid()
        {
            var counts = new int[RfmGridCoordinate.Size * RfmGridCoordinate.Size];
            foreach (var shard in Shards)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] += shard.Counts[i];
                }
            }

            return new RfmGridCounts(CutPoints, AsOf, counts);
        }

        // The shards' smallest ids merged in id order: a page of limit, and the cursor of the next when more are left.
        public RfmCellPage Page(int limit)
        {
            var merged = Shards.SelectMany(static shard => shard.CellCustomerIds).Order(StringComparer.Ordinal).Take(limit + 1).ToList();
            if (merged.Count <= limit)
            {
                return new RfmCellPage(merged, null);
            }

            merged.RemoveAt(limit);
            return new RfmCellPage(merged, merged[^1]);
        }
    }
}
