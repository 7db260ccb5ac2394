using Segmentation.Domain.Lifecycle;

namespace Segmentation.Grains;

/// <summary>How profiles are scored: RFM (quintiles or fixed thresholds) and lifecycle thresholds. Section <c>Segmentation:Profiles</c>.</summary>
public sealed class CustomerProfileOptions
{
    public const string SectionName = "Segmentation:Profiles";

    /// <summary>RFM scoring: quintiles of the current population (default) or fixed thresholds.</summary>
    public RfmSettings Rfm { get; set; } = new();

    /// <summary>Lifecycle stage thresholds (lapsed after 60 days without activity by default).</summary>
    public LifecycleOptions Lifecycle { get; set; } = new();

    /// <summary>How often the RFM cut points are recomputed from the population. Default: one minute.</summary>
    public TimeSpan RfmRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
