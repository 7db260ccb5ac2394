namespace Segmentation.Domain.Rfm;

/// <summary>RFM scoring settings. Quintiles are the default; the fixed thresholds apply in <see cref="RfmScoringMode.FixedThresholds"/>.</summary>
public sealed record RfmOptions
{
    public static RfmOptions Default { get; } = new();

    public RfmScoringMode Mode { get; init; } = RfmScoringMode.Quintiles;

    /// <summary>The most days since the last order for R2, R3, R4, R5 (non-increasing). Default 365, 180, 90, 30.</summary>
    public IReadOnlyList<int> FixedRecencyMaxDays { get; init; } = [365, 180, 90, 30];

    /// <summary>The fewest orders for F2, F3, F4, F5 (non-decreasing). Default 2, 3, 5, 10.</summary>
    public IReadOnlyList<int> FixedMinOrders { get; init; } = [2, 3, 5, 10];

    /// <summary>The least net revenue for M2, M3, M4, M5 (non-decreasing). Default 100, 250, 500, 1000.</summary>
    public IReadOnlyList<decimal> FixedMinRevenue { get; init; } = [100m, 250m, 500m, 1000m];
}
