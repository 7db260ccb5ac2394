using Segmentation.Segments.Catalog;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Checking;

/// <summary>Operands: names against the catalog, event selectors, windows.</summary>
internal sealed partial class RuleChecker
{
    private OperandInfo Resolve(RuleOperand operand)
    {
        switch (operand)
        {
            case AttributeOperand a:
                var definition = FindAttribute(a);
                return new OperandInfo(definition.Type, definition, a.Name, TypeName(definition));
            case TraitOperand t:
                CheckTraitPath(t);
                return new OperandInfo(RuleValueType.Dynamic, null, "traits." + t.Path, "a trait");
            case WindowOperand w:
                if (w.Function is null)
                {
                    throw Malformed("a window aggregate has no function");
                }

                if (AttributeCatalog.FindFunction(w.Function) is not { Kind: AttributeKind.WindowFunction })
                {
                    var windowFunctions = AttributeCatalog.All.Where(d => d.Kind == AttributeKind.WindowFunction).Select(d => d.Name).ToArray();
                    var suggestion = NameSuggester.Closest(w.Function, windowFunctions);
                    throw Fail(
                        SegmentRuleErrorCode.UnknownName,
                        map?.StartOf(w),
                        null,
                        suggestion is null
                            ? $"unknown window function `{w.Function}`; expected one of {string.Join(", ", windowFunctions)}"
                            : $"unknown window function `{w.Function}`; did you mean `{suggestion}`?",
                        "a window function",
                        suggestion);
                }

                CheckWindow(w.Window, SegmentRuleChecker.MaxAggregateWindow, null);
                return Number(w);
            case EventCountOperand c:
                CheckEventName(c.EventName, c);
                if (c.Filter is not null)
                {
                    if (c.Window is null)
                    {
                        throw Fail(
                            SegmentRuleErrorCode.InvalidWindow,
                            map?.StartOf(c),
                            null,
                            $"a filtered count needs a window, e.g. `count({Printing.SegmentRulePrinter.Quote(c.EventName)} where ..., 30d)`; only the lifetime total of an event name is kept",
                            "a window");
                    }

                    CheckExpression(c.Filter, inFilter: true);
                }

                if (c.Window is not null)
                {
                    CheckWindow(c.Window, SegmentRuleChecker.MaxAggregateWindow, null);
                }

                return Number(c);
            case EventSumOperand s:
                CheckEventName(s.EventName, s);
                if (s.Property is null)
                {
                    throw Malformed("a sum has no property");
                }

                if (s.Property.Length == 0)
                {
                    throw Fail(SegmentRuleErrorCode.InvalidValue, map?.StartOf(s), null, "the property of a sum is empty; expected a property name such as `revenue`", "a property name");
                }

                if (s.Filter is not null)
                {
                    CheckExpression(s.Filter, inFilter: true);
                }

                CheckWindow(s.Window, SegmentRuleChecker.MaxAggregateWindow, null);
                return Number(s);
            case SegmentOperand m:
                if (m.SegmentId is null)
                {
                    throw Malformed("in_segment has no segment id");
                }

                if (m.SegmentId.Length == 0)
                {
                    throw Fail(SegmentRuleErrorCode.InvalidValue, map?.StartOf(m), null, "the segment id is empty; expected a segment id such as \"vip-customers\"", "a segment id");
                }

                return new OperandInfo(RuleValueType.Boolean, null, Printing.SegmentRulePrinter.Print(m), "a boolean");
            case PropertyOperand p:
                if (p.Name is null)
                {
                    throw Malformed("a property has no name");
                }

                if (p.Name.Length == 0)
                {
                    throw Fail(SegmentRuleErrorCode.InvalidValue, map?.StartOf(p), null, "an event property name is empty", "a property name");
                }

                return new OperandInfo(RuleValueType.Dynamic, null, Printing.SegmentRulePrinter.PropertyName(p.Name), "an event property");
            default:
                throw Malformed($"unknown operand {operand.GetType().Name}");
        }
    }

    private AttributeDefinition FindAttribute(AttributeOperand operand)
    {
        if (string.IsNullOrEmpty(operand.Name))
        {
            throw Malformed("an attribute has no name");
        }

        if (AttributeCatalog.FindAttribute(operand.Name) is { } definition)
        {
            return definition;
        }

        var at = map?.StartOf(operand);
        if (AttributeCatalog.FindFunction(operand.Name) is { } function)
        {
            throw Fail(SegmentRuleErrorCode.Syntax, at, null, $"`{operand.Name}` is a function; write it with its arguments, e.g. `{function.Syntax}`", "`(`");
        }

        if (operand.Name == "traits")
        {
            throw Fail(SegmentRuleErrorCode.Syntax, at, null, "`traits` needs a trait name, e.g. `traits.plan`", "`.` and a trait name");
        }

        var suggestion = NameSuggester.Closest(operand.Name, AttributeCatalog.AttributeNames);
        throw Fail(
            SegmentRuleErrorCode.UnknownName,
            at,
            null,
            suggestion is null
                ? $"unknown attribute `{operand.Name}`; expected an attribute name (the list is in docs/segment-rules.md) or `traits.<name>`"
                : $"unknown attribute `{operand.Name}`; did you mean `{suggestion}`?",
            "an attribute name",
            suggestion);
    }

    private void CheckTraitPath(TraitOperand operand)
    {
        if (operand.Path is null)
        {
            throw Malformed("a trait has no name");
        }

        var valid = operand.Path.Length > 0 && operand.Path.Split('.').All(segment =>
            segment.Length > 0 && (char.IsAsciiLetter(segment[0]) || segment[0] == '_') && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));
        if (!valid)
        {
            throw Fail(
                SegmentRuleErrorCode.InvalidValue,
                map?.StartOf(operand),
                null,
                $"invalid trait name `traits.{operand.Path}`: trait names in rules are letters, digits and underscores, nested with dots",
                "a trait name");
        }
    }

    private void CheckEventName(string? eventName, RuleOperand operand)
    {
        if (eventName is null)
        {
            throw Malformed("an event aggregate has no event name");
        }

        if (eventName.Length == 0)
        {
            throw Fail(SegmentRuleErrorCode.InvalidValue, map?.StartOf(operand), null, "the event name is empty; expected an event name such as \"Product Viewed\"", "an event name");
        }
    }

    private void CheckWindow(RuleWindow? window, TimeSpan max, RuleExpression? context)
    {
        if (window is null)
        {
            throw Malformed("a window is missing");
        }

        if (!Enum.IsDefined(window.Unit))
        {
            throw Malformed($"unknown window unit {(int)window.Unit}");
        }

        var at = map?.StartOf(window);
        if (window.Amount <= 0)
        {
            throw Fail(SegmentRuleErrorCode.InvalidWindow, at, context, $"invalid window `{window}`: a window must be longer than zero", "a window of at least 1m");
        }

        if (window.Ticks <= max.Ticks)
        {
            return;
        }

        var maxDays = (int)max.TotalDays;
        throw Fail(
            SegmentRuleErrorCode.InvalidWindow,
            at,
            context,
            max == SegmentRuleChecker.MaxAggregateWindow
                ? $"invalid window `{window}`: profiles keep {maxDays} days of events, so a window can be at most {maxDays}d; a longer one could not be counted exactly"
                : $"invalid window `{window}`: `within` and `before` take at most {maxDays}d (5 years)",
            $"a window of at most {maxDays}d");
    }

    private static OperandInfo Number(RuleOperand operand) =>
        new(RuleValueType.Number, null, Printing.SegmentRulePrinter.Print(operand), "a number");
}
