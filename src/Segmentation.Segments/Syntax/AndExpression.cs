namespace Segmentation.Segments.Syntax;

/// <summary>True when every operand is true (<c>a and b and c</c>); at least two operands.</summary>
public sealed record AndExpression(ValueList<RuleExpression> Operands) : RuleExpression;
