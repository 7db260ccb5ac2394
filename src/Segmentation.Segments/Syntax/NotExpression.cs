namespace Segmentation.Segments.Syntax;

/// <summary>True when the operand is false (<c>not a</c>).</summary>
public sealed record NotExpression(RuleExpression Operand) : RuleExpression;
