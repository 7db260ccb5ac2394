namespace Segmentation.Segments.Syntax;

/// <summary><c>subject op value</c>, e.g. <c>orders_count(30d) &gt; 3</c> or <c>lifecycle = "vip"</c>.</summary>
public sealed record ComparisonCondition(RuleOperand Subject, ComparisonOperator Operator, RuleLiteral Value) : RuleExpression;
