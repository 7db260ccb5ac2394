namespace Segmentation.Segments.Syntax;

/// <summary>A windowed aggregate of the profile, e.g. <c>orders_count(30d)</c>, <c>revenue(7d)</c>, <c>views(1d)</c>, <c>cart_adds(7d)</c>.</summary>
public sealed record WindowOperand(string Function, RuleWindow Window) : RuleOperand;
