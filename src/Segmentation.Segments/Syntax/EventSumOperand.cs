namespace Segmentation.Segments.Syntax;

/// <summary><c>sum("Event Name" [where filter], property, window)</c>: the sum of a numeric property over the matching events in the window.</summary>
public sealed record EventSumOperand(string EventName, RuleExpression? Filter, string Property, RuleWindow Window) : RuleOperand;
