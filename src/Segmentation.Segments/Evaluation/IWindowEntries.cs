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

    /// <summary>
    /// The aggregate of the entries from <paramref name="start"/> to before <paramref name="end"/>, and whether none
    /// of them weighs less than zero (always for counts).
    /// </summary>
    decimal Sum(int start, int end, out bool nonNegative);
}
