namespace Segmentation.Segments.Syntax;

/// <summary>
/// <c>count("Event Name" [where filter] [, window])</c>: the events of that exact name matching the filter in the
/// window; without a window, every event of that name ever applied (no filter then).
/// </summary>
public sealed record EventCountOperand(string EventName, RuleExpression? Filter, RuleWindow? Window) : RuleOperand;
