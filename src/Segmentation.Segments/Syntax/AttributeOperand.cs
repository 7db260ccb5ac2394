namespace Segmentation.Segments.Syntax;

/// <summary>A catalog attribute by name, e.g. <c>email</c>, <c>rfm.cell</c>, <c>cart.empty</c>.</summary>
public sealed record AttributeOperand(string Name) : RuleOperand;
