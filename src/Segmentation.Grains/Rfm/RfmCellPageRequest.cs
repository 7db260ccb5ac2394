namespace Segmentation.Grains.Rfm;

/// <summary>Which customers of one grid cell to list: up to <see cref="Limit"/> ids after <see cref="AfterCustomerId"/>, in ordinal order.</summary>
/// <param name="Cell">The cell whose customers are listed.</param>
/// <param name="AfterCustomerId">Only ids ordinally after this one; null to start from the smallest.</param>
/// <param name="Limit">The most ids listed; at least 1.</param>
public sealed record RfmCellPageRequest(RfmGridCoordinate Cell, string? AfterCustomerId, int Limit)
{
    /// <summary>Whether <paramref name="customerId"/> comes after the cursor.</summary>
    public bool Follows(string customerId) => AfterCustomerId is null || string.CompareOrdinal(customerId, AfterCustomerId) > 0;
}
