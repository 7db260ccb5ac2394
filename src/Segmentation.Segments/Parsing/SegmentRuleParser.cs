using Segmentation.Segments.Checking;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Parsing;

/// <summary>
/// Parses rule text (grammar in <c>docs/segment-rules.md</c>) into a checked syntax tree. Every problem throws a
/// <see cref="SegmentRuleException"/> whose error has the line, the column, what was expected there, and for a
/// misspelt name the closest known one.
/// </summary>
public static class SegmentRuleParser
{
    /// <summary>Parses and checks a rule: syntax, names, types, windows and values.</summary>
    /// <exception cref="SegmentRuleException">The rule is invalid.</exception>
    public static RuleExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (expression, map) = Parser.Parse(text);
        SegmentRuleChecker.Check(expression, map);
        return expression;
    }

    /// <summary>Parses a rule without checking names and types (the grammar only).</summary>
    /// <exception cref="SegmentRuleException">The rule does not follow the grammar.</exception>
    public static RuleExpression ParseSyntax(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parser.Parse(text).Expression;
    }

    /// <summary>Parses and checks a rule; on failure returns false with the error.</summary>
    public static bool TryParse(string text, out RuleExpression? rule, out SegmentRuleError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            rule = Parse(text);
            error = null;
            return true;
        }
        catch (SegmentRuleException exception)
        {
            rule = null;
            error = exception.Error;
            return false;
        }
    }
}
