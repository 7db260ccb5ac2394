namespace Segmentation.Grains.Rfm;

/// <summary>What one RFM shard read of the grid in a single pass over its customers.</summary>
/// <param name="Counts">The shard's customers per cell, indexed by <see cref="RfmGridCoordinate.Index"/>.</param>
/// <param name="CellCustomerIds">The smallest ids of the requested cell after its cursor, in ordinal order; empty when no page was requested.</param>
public sealed record RfmShardGrid(IReadOnlyList<int> Counts, IReadOnlyList<string> CellCustomerIds);
