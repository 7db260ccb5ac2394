using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Rfm;

namespace Segmentation.Grains;

/// <summary>How profiles are scored: RFM (quintiles or fixed thresholds) and lifecycle thresholds. Section <c>Segmentation:Profiles</c>.</summary>
public sealed class CustomerProfileOptions
{
    public const string SectionName = "Segmentation:Profiles";

    /// <summary>RFM scoring: quintiles of the current population (default) or fixed thresholds.</summary>
    public RfmOptions Rfm { get; set; } = RfmOptions.Default;

    /// <summary>Lifecycle stage thresholds (lapsed after 60 days without activity by default).</summary>
    public LifecycleOptions Lifecycle { get; set; } = LifecycleOptions.Default;

    /// <summary>How often the RFM cut points are recomputed from the population. Default: one minute.</summary>
    public TimeSpan RfmRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
