using Segmentation.Domain.Rfm;

namespace Segmentation.Grains;

/// <summary>
/// RFM scoring as configured. The lists are null unless set, so configuration replaces the domain's defaults
/// instead of adding to them (the configuration binder appends to a list that already has items).
/// </summary>
public sealed class RfmSettings
{
    public RfmScoringMode Mode { get; set; } = RfmScoringMode.Quintiles;

    /// <summary>Fixed thresholds: the most days since the last order for R 2, 3, 4 and 5.</summary>
    public int[]? FixedRecencyMaxDays { get; set; }

    /// <summary>Fixed thresholds: the fewest orders for F 2, 3, 4 and 5.</summary>
    public int[]? FixedMinOrders { get; set; }

    /// <summary>Fixed thresholds: the least net revenue for M 2, 3, 4 and 5.</summary>
    public decimal[]? FixedMinRevenue { get; set; }

    public RfmOptions ToOptions()
    {
        var defaults = RfmOptions.Default;
        return new RfmOptions
        {
            Mode = Mode,
            FixedRecencyMaxDays = FixedRecencyMaxDays ?? defaults.FixedRecencyMaxDays,
            FixedMinOrders = FixedMinOrders ?? defaults.FixedMinOrders,
            FixedMinRevenue = FixedMinRevenue ?? defaults.FixedMinRevenue,
        };
    }
}
