using Segmentation.Domain.Rfm;

namespace Segmentation.Grains.Rfm;

/// <summary>
/// Scores a shard's customers with given cut points and reads the recency x frequency grid from them: the count per
/// cell, or the smallest customer ids of one cell. One pass over the customers, never a sort of all of them.
/// </summary>
internal static class RfmCellQuery
{
    /// <summary>The customers per cell, indexed by <see cref="RfmGridCoordinate.Index"/>.</summary>
    public static int[] Count(IEnumerable<(string CustomerId, RfmInput Input)> customers, RfmCutPoints cutPoints, DateTimeOffset asOf)
    {
        var counts = new int[RfmGridCoordinate.Size * RfmGridCoordinate.Size];
        foreach (var (_, input) in customers)
        {
            counts[CellOf(input, cutPoints, asOf).Index]++;
        }

        return counts;
    }

    /// <summary>Up to <paramref name="limit"/> ids of the cell's customers after <paramref name="afterCustomerId"/>, in ordinal order.</summary>
    public static List<string> Smallest(
        IEnumerable<(string CustomerId, RfmInput Input)> customers,
        RfmCutPoints cutPoints,
        DateTimeOffset asOf,
        RfmGridCoordinate cell,
        string? afterCustomerId,
        int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // A max-heap of the smallest ids seen so far: the largest of them is dropped when a smaller one comes.
        var kept = new PriorityQueue<string, string>(limit + 1, Comparer<string>.Create(static (a, b) => string.CompareOrdinal(b, a)));
        foreach (var (customerId, input) in customers)
        {
            if ((afterCustomerId is null || string.CompareOrdinal(customerId, afterCustomerId) > 0) && CellOf(input, cutPoints, asOf) == cell)
            {
                kept.Enqueue(customerId, customerId);
                if (kept.Count > limit)
                {
                    kept.Dequeue();
                }
            }
        }

        var ids = new List<string>(kept.Count);
        while (kept.TryDequeue(out var id, out _))
        {
            ids.Add(id);
        }

        ids.Reverse();
        return ids;
    }

    private static RfmGridCoordinate CellOf(RfmInput input, RfmCutPoints cutPoints, DateTimeOffset asOf)
    {
        var scores = cutPoints.Score(input, asOf);
        return new RfmGridCoordinate(scores.Recency, scores.Frequency);
    }
}
