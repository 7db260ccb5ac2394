namespace Segmentation.Segments.Syntax;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanLiteral(bool Value) : RuleLiteral;
