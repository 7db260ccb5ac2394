namespace Segmentation.Domain.Lifecycle;

/// <summary>A customer's stage at an instant, and when it next changes if nothing else happens.</summary>
/// <remarks>
/// <para><c>IsVip</c>: the VIP condition, also when inactivity puts the customer in a different stage.</para>
/// <para><c>NextChangeAt</c>: the first instant after <c>AsOf</c> at which the stage changes by time passing alone; null if never.</para>
/// </remarks>
public sealed record LifecycleAssessment(LifecycleStage Stage, bool IsVip, DateTimeOffset AsOf, DateTimeOffset? NextChangeAt);
