namespace Segmentation.Segments.Syntax;

/// <summary><c>subject in (v1, v2, ...)</c>: the subject equals one of the values (at least one).</summary>
public sealed record InListCondition(RuleOperand Subject, ValueList<RuleLiteral> Values) : RuleExpression;
