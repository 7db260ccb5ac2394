namespace Segmentation.Segments.Syntax;

/// <summary><c>subject contains "text"</c> or <c>subject starts_with "text"</c> (case-insensitive).</summary>
public sealed record TextMatchCondition(RuleOperand Subject, TextMatchKind Match, string Text) : RuleExpression;
