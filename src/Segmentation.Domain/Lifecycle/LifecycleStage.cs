namespace Segmentation.Domain.Lifecycle;

/// <summary>Where a customer is in their lifecycle (see <see cref="LifecycleClassifier"/> for the rules).</summary>
public enum LifecycleStage
{
    New,
    Active,
    AtRisk,
    Lapsed,
    Vip,
}
