namespace Segmentation.Segments.Evaluation;

/// <summary>The entries behind a windowed aggregate, oldest first, read in place.</summary>
internal interface IWindowEntries
{
    int Count { get; }

    long TicksAt(int index);

    /// <summary>The number of entries at or before <paramref name="ticks"/>.</summary>
    int CountThrough(long ticks);

    /// <summary>What the entry adds to the aggregate: 1 (or 0 when a filter leaves it out) for counts, its amount for sums.</summary>
    decimal WeightAt(int index);

    /// <summary>The aggregate of the entries from <paramref name="start"/> to before <paramref name="end"/>.</summary>
    decimal Sum(int start, int end);
}

/// <summary>Sums over <see cref="IWindowEntries"/>.</summary>
internal static class WindowEntries
{
    /// <summary>The weights of the entries from <paramref name="start"/> to before <paramref name="end"/>, saturating instead of overflowing.</summary>
    public static decimal SumWeights<TEntries>(in TEntries entries, int start, int end)
        where TEntries : struct, IWindowEntries
    {
        try
        {
            var total = 0m;
            for (var i = start; i < end; i++)
            {
                total += entries.WeightAt(i);
            }

            return total;
        }
        catch (OverflowException)
        {
            var total = 0m;
            for (var i = start; i < end; i++)
            {
                total = WindowSource.Add(total, entries.WeightAt(i));
            }

            return total;
        }
    }
}
