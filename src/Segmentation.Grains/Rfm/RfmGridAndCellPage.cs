namespace Segmentation.Grains.Rfm;

/// <summary>The grid's counts and a page of one cell's customers, both read in the same pass over the shards.</summary>
/// <param name="Grid">The count of every cell.</param>
/// <param name="Page">The page of the requested cell, scored with the same cut points at the same instant.</param>
public sealed record RfmGridAndCellPage(RfmGridCounts Grid, RfmCellPage Page);
