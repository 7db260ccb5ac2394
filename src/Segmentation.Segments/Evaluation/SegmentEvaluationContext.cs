using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Rfm;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// What a rule is evaluated against besides the profile: the instant, the population's RFM cut points (without
/// them, <c>rfm.*</c> is missing and Champions do not make VIPs), the lifecycle thresholds, and the customer's
/// membership of other segments.
/// </summary>
public sealed record SegmentEvaluationContext
{
    public SegmentEvaluationContext(DateTimeOffset asOf)
    {
        AsOf = asOf;
    }

    public DateTimeOffset AsOf { get; init; }

    public RfmCutPoints? RfmCutPoints { get; init; }

    public LifecycleOptions LifecycleOptions { get; init; } = LifecycleOptions.Default;

    public ISegmentMembershipSource Memberships { get; init; } = NoSegmentMemberships.Instance;
}
