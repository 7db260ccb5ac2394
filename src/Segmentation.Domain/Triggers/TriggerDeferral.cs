namespace Segmentation.Domain.Triggers;

/// <summary>An occurrence held back by quiet hours until <see cref="Until"/>, when it is checked again.</summary>
public sealed record TriggerDeferral(TriggerDue Due, DateTimeOffset Until);
