namespace Segmentation.Segments.Evaluation;

/// <summary>Sums over <see cref="IWindowEntries"/>.</summary>
internal static class WindowEntries
{
    /// <summary>
    /// The weights of the entries from <paramref name="start"/> to before <paramref name="end"/>, saturating instead of
    /// overflowing, and whether none of them is less than zero.
    /// </summary>
    public static decimal SumWeights<TEntries>(in TEntries entries, int start, int end, out bool nonNegative)
        where TEntries : struct, IWindowEntries
    {
        nonNegative = true;
        try
        {
            var total = 0m;
            for (var i = start; i < end; i++)
            {
                var weight = entries.WeightAt(i);
                nonNegative &= weight >= 0m;
                total += weight;
            }

            return total;
        }
        catch (OverflowException)
        {
            var total = 0m;
            for (var i = start; i < end; i++)
            {
                var weight = entries.WeightAt(i);
                nonNegative &= weight >= 0m;
                total = WindowSource.Add(total, weight);
            }

            return total;
        }
    }
}
