namespace Segmentation.Segments.Syntax;

/// <summary>A string constant, written in double quotes.</summary>
public sealed record StringLiteral(string Value) : RuleLiteral;
