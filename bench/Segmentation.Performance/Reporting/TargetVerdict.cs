namespace Segmentation.Performance.Reporting;

/// <summary>One of the product's speed targets against what the run measured.</summary>
/// <param name="Target">What is promised, e.g. "Sustained events/s with durable acknowledgement".</param>
/// <param name="Required">The bound, e.g. "≥ 100,000".</param>
/// <param name="Measured">The figure, in words.</param>
/// <param name="Met">True when met, false when missed, null when this run could not tell (e.g. too few customers).</param>
/// <param name="Note">Why, when not plainly met.</param>
public sealed record TargetVerdict(string Target, string Required, string Measured, bool? Met, string? Note);
