namespace Segmentation.Segments.Syntax;

/// <summary>
/// <c>timestamp within 7d</c> (in the last 7 days: after asOf - 7d, not after asOf) or <c>timestamp before 60d</c>
/// (at least 60 days ago: at or before asOf - 60d).
/// </summary>
public sealed record RecencyCondition(RuleOperand Subject, RecencyKind Recency, RuleWindow Window) : RuleExpression;
