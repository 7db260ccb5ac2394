namespace Segmentation.Segments.Syntax;

/// <summary>What a condition tests: an attribute, a trait, a windowed aggregate, an event count or sum, segment membership, or (inside an event filter) an event property.</summary>
public abstract record RuleOperand;
