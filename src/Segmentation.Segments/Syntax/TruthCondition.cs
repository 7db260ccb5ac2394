namespace Segmentation.Segments.Syntax;

/// <summary>A boolean operand on its own, e.g. <c>cart.empty</c> or <c>in_segment("vip")</c>.</summary>
public sealed record TruthCondition(RuleOperand Subject) : RuleExpression;
