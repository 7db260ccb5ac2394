namespace Segmentation.Segments.Syntax;

/// <summary>True when any operand is true (<c>a or b or c</c>); at least two operands.</summary>
public sealed record OrExpression(ValueList<RuleExpression> Operands) : RuleExpression;
