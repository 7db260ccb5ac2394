namespace Segmentation.Segments.Syntax;

/// <summary>An event property by its top-level name; only inside the filter of <c>count</c> or <c>sum</c>.</summary>
public sealed record PropertyOperand(string Name) : RuleOperand;
