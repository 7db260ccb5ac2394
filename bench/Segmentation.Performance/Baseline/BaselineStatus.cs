namespace Segmentation.Performance.Baseline;

/// <summary>What <c>GET /segments</c> of the baseline answers.</summary>
/// <param name="Last">The last refresh's counts.</param>
/// <param name="Refreshes">Refreshes done.</param>
/// <param name="LongestRefreshMs">The longest refresh.</param>
public sealed record BaselineStatus(SegmentCounts Last, long Refreshes, double LongestRefreshMs);
