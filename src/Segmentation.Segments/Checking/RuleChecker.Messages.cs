using Segmentation.Segments.Catalog;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Printing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Checking;

/// <summary>The checker's error messages.</summary>
internal sealed partial class RuleChecker
{
    private const string DateExpectation = "an ISO 8601 date in double quotes, e.g. \"2025-01-31\" or \"2025-01-31T12:00:00Z\"";

    private object? _current;

    private static string TypeName(AttributeDefinition definition) => definition.Type switch
    {
        RuleValueType.Boolean => "a boolean",
        RuleValueType.Number => "a number",
        RuleValueType.Text => "text",
        RuleValueType.Timestamp => "a timestamp",
        RuleValueType.Enumeration => "a choice of " + string.Join(", ", definition.Values.Select(SegmentRulePrinter.Quote)),
        _ => "a trait",
    };

    private static string AllowedOperators(OperandInfo info) => info.Type switch
    {
        RuleValueType.Boolean => "a boolean stands on its own or takes =, !=, exists or missing",
        RuleValueType.Number => "a number takes =, !=, <, <=, >, >=, in, exists or missing",
        RuleValueType.Text => "text takes =, !=, in, contains, starts_with, exists or missing",
        RuleValueType.Timestamp => "a timestamp takes within, before, comparisons with a date, exists or missing",
        RuleValueType.Enumeration => "a choice takes =, !=, in, exists or missing",
        _ => info.Display.StartsWith("traits.", StringComparison.Ordinal)
            ? "a trait takes comparisons, in, contains, starts_with, within, before, exists or missing"
            : "an event property takes comparisons, in, contains, starts_with, exists or missing",
    };

    private static string DescribeLiteral(RuleLiteral literal) => literal switch
    {
        StringLiteral s => "the string " + SegmentRulePrinter.Quote(s.Value),
        NumberLiteral n => "the number " + SegmentRulePrinter.FormatNumber(n.Value),
        BooleanLiteral b => b.Value ? "`true`" : "`false`",
        _ => "a value",
    };

    private void RequireEquality(RuleExpression condition, OperandInfo info, ComparisonOperator op, bool ordering)
    {
        if (ordering)
        {
            throw OperatorMismatch(condition, info, SegmentRulePrinter.Symbol(op));
        }
    }

    private T RequireLiteral<T>(RuleExpression condition, OperandInfo info, RuleLiteral literal, string expected)
        where T : RuleLiteral
    {
        if (literal is T typed)
        {
            return typed;
        }

        throw Fail(
            SegmentRuleErrorCode.TypeMismatch,
            map?.StartOf(literal),
            condition,
            $"`{info.Display}` is {info.TypeName} and cannot be compared with {DescribeLiteral(literal)}; expected {expected}",
            expected);
    }

    private SegmentRuleException OperatorMismatch(RuleExpression condition, OperandInfo info, string op)
    {
        var allowed = AllowedOperators(info);
        return Fail(
            SegmentRuleErrorCode.TypeMismatch,
            map?.OperatorOf(condition),
            condition,
            $"`{info.Display}` is {info.TypeName} and cannot be used with `{op}`; {allowed}",
            allowed[(allowed.IndexOf(" takes ", StringComparison.Ordinal) is var i and >= 0 ? i + 7 : 0)..]);
    }

    private SegmentRuleException Malformed(string description) =>
        new(new SegmentRuleError(SegmentRuleErrorCode.MalformedTree, null, null, $"malformed rule: {description}"));

    private SegmentRuleException Fail(
        SegmentRuleErrorCode code,
        SourcePosition? at,
        RuleExpression? context,
        string description,
        string? expected = null,
        string? suggestion = null)
    {
        if (at is { } position)
        {
            return new SegmentRuleException(new SegmentRuleError(code, position.Line, position.Column, description, expected, suggestion));
        }

        var where = context ?? _current;
        var text = where switch
        {
            RuleExpression expression => SegmentRulePrinter.Print(expression),
            RuleOperand operand => SegmentRulePrinter.Print(operand),
            _ => null,
        };
        return new SegmentRuleException(new SegmentRuleError(
            code,
            null,
            null,
            text is null ? description : $"{description} (in `{text}`)",
            expected,
            suggestion));
    }
}
