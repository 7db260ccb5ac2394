namespace Segmentation.Segments.Syntax;

/// <summary>A custom trait, <c>traits.plan</c> (path <c>plan</c>) or a nested one, <c>traits.address.city</c> (path <c>address.city</c>).</summary>
public sealed record TraitOperand(string Path) : RuleOperand;
