namespace Segmentation.Segments.Syntax;

/// <summary>A constant in a rule: a string, a number or a boolean.</summary>
public abstract record RuleLiteral;
