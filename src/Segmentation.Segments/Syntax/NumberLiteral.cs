namespace Segmentation.Segments.Syntax;

/// <summary>A number constant, e.g. <c>3</c>, <c>100.5</c>, <c>-2</c>.</summary>
public sealed record NumberLiteral(decimal Value) : RuleLiteral;
