namespace Segmentation.Grains.Rfm;

/// <summary>One page of a grid cell's customers in ordinal order of their ids.</summary>
/// <param name="CustomerIds">The customers of this page.</param>
/// <param name="NextAfter">The id to pass as <c>afterCustomerId</c> for the next page; null on the last page.</param>
public sealed record RfmCellPage(IReadOnlyList<string> CustomerIds, string? NextAfter);
