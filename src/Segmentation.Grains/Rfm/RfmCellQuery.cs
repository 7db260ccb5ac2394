using Segmentation.Domain.Rfm;

namespace Segmentation.Grains.Rfm;

/// <summary>
/// Scores a shard's customers with given cut points and reads the recency x frequency grid from them: the count per
/// cell and, when asked, the smallest customer ids of one cell. One pass over the customers, never a sort of all of them.
/// </summary>
internal static class RfmCellQuery
{
    /// <summary>
    /// The customers per cell and, when <paramref name="page"/> is given, up to its limit of ids of its cell after its
    /// cursor, in ordinal order.
    /// </summary>
    public static RfmShardGrid Read(
        IEnumerable<(string CustomerId, RfmInput Input)> customers,
        RfmCutPoints cutPoints,
        DateTimeOffset asOf,
        RfmCellPageRequest? page)
    {
        if (page is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(page.Limit, 1);
        }

        var counts = new int[RfmGridCoordinate.Size * RfmGridCoordinate.Size];

        // A max-heap of the smallest ids seen so far: once full, an id takes the place of the largest only when it is
        // smaller (EnqueueDequeue turns a larger one away with one comparison).
        var kept = new PriorityQueue<string, string>(
            page?.Limit ?? 0, Comparer<string>.Create(static (a, b) => string.CompareOrdinal(b, a)));
        foreach (var (customerId, input) in customers)
        {
            var scores = cutPoints.Score(input, asOf);
            var cell = new RfmGridCoordinate(scores.Recency, scores.Frequency);
            counts[cell.Index]++;
            if (page is not null && cell == page.Cell && page.Follows(customerId))
            {
                if (kept.Count < page.Limit)
                {
                    kept.Enqueue(customerId, customerId);
                }
                else
                {
                    kept.EnqueueDequeue(customerId, customerId);
                }
            }
        }

        return new RfmShardGrid(counts, InOrder(kept));
    }

    private static List<string> InOrder(PriorityQueue<string, string> kept)
    {
        var ids = new List<string>(kept.Count);
        while (kept.TryDequeue(out var id, out _))
        {
            ids.Add(id);
        }

        ids.Reverse();
        return ids;
    }
}
