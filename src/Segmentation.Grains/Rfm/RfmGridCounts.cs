using Segmentation.Domain.Rfm;

namespace Segmentation.Grains.Rfm;

/// <summary>The customers with orders per recency x frequency cell, scored with <see cref="CutPoints"/> at <see cref="AsOf"/>.</summary>
/// <param name="CutPoints">The population's cut points the counts were scored with.</param>
/// <param name="AsOf">The instant recency was measured at.</param>
/// <param name="Counts">The 25 counts, indexed by <see cref="RfmGridCoordinate.Index"/>.</param>
public sealed record RfmGridCounts(RfmCutPoints CutPoints, DateTimeOffset AsOf, IReadOnlyList<int> Counts)
{
    public int CountOf(RfmGridCoordinate cell) => Counts[cell.Index];

    /// <summary>Customers with orders, all cells together.</summary>
    public int Total => Counts.Sum();
}
