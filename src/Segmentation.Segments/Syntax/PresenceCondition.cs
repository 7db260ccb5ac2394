namespace Segmentation.Segments.Syntax;

/// <summary><c>subject exists</c> (<c>Exists</c> true) or <c>subject missing</c> (<c>Exists</c> false).</summary>
public sealed record PresenceCondition(RuleOperand Subject, bool Exists) : RuleExpression;
