using System.Globalization;
using System.Text;
using Segmentation.Segments.Parsing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Printing;

/// <summary>
/// Prints a syntax tree as canonical rule text: lower-case keywords, single spaces, numbers without trailing zeros,
/// strings in double quotes with JSON-style escapes, and parentheses exactly where the tree needs them (plus around
/// an <c>and</c> inside an <c>or</c>, for readability). <c>SegmentRuleParser.Parse(Print(rule))</c> equals the rule.
/// </summary>
public static class SegmentRulePrinter
{
    public static string Print(RuleExpression rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var builder = new StringBuilder();
        AppendExpression(builder, rule);
        return builder.ToString();
    }

    /// <summary>An operand as written in a rule, e.g. <c>orders_count(30d)</c> or <c>count("Product Viewed", 7d)</c>.</summary>
    public static string Print(RuleOperand operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        var builder = new StringBuilder();
        AppendOperand(builder, operand);
        return builder.ToString();
    }

    /// <summary>A literal as written in a rule, e.g. <c>"vip"</c>, <c>100.5</c>, <c>true</c>.</summary>
    public static string Print(RuleLiteral literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return PrintLiteral(literal);
    }

    private static string PrintLiteral(RuleLiteral? literal) => literal switch
        {
            null => "?",
            StringLiteral s => Quote(s.Value),
            NumberLiteral n => FormatNumber(n.Value),
            BooleanLiteral b => b.Value ? "true" : "false",
            _ => throw new ArgumentException($"Unknown literal {literal.GetType().Name}.", nameof(literal)),
        };

    /// <summary>A number without trailing zeros, invariant culture, e.g. <c>100.5</c>.</summary>
    public static string FormatNumber(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text is "-0" ? "0" : text;
    }

    /// <summary>A string in double quotes with <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\uXXXX</c> for other control characters.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A property name bare when it is a plain name and not a keyword, else quoted.</summary>
    public static string PropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsPlainName(name) && !Parser.IsKeyword(name) ? name : Quote(name);
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendExpression(StringBuilder builder, RuleExpression? expression)
    {
        switch (expression)
        {
            case null:
                builder.Append('?');
                break;
            case AndExpression and:
                AppendJoined(builder, and.Operands, " and ", child => child is AndExpression or OrExpression);
                break;
            case OrExpression or:
                AppendJoined(builder, or.Operands, " or ", child => child is AndExpression or OrExpression);
                break;
            case NotExpression not:
                builder.Append("not ");
                AppendChild(builder, not.Operand, not.Operand is AndExpression or OrExpression);
                break;
            default:
                AppendCondition(builder, expression);
                break;
        }
    }

    private static void AppendJoined(StringBuilder builder, ValueList<RuleExpression>? operands, string separator, Func<RuleExpression, bool> needsParentheses)
    {
        operands ??= ValueList<RuleExpression>.Empty;
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            AppendChild(builder, operands[i], needsParentheses(operands[i]));
        }
    }

    private static void AppendChild(StringBuilder builder, RuleExpression child, bool parenthesize)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        AppendExpression(builder, child);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    private static void AppendCondition(StringBuilder builder, RuleExpression condition)
    {
        switch (condition)
        {
            case ComparisonCondition c:
                AppendOperand(builder, c.Subject);
                builder.Append(' ').Append(Symbol(c.Operator)).Append(' ').Append(PrintLiteral(c.Value));
                break;
            case InListCondition c:
                AppendOperand(builder, c.Subject);
                builder.Append(" in (").AppendJoin(", ", (c.Values ?? ValueList<RuleLiteral>.Empty).Select(PrintLiteral)).Append(')');
                break;
            case TextMatchCondition c:
                AppendOperand(builder, c.Subject);
                builder.Append(c.Match == TextMatchKind.Contains ? " contains " : " starts_with ").Append(Quote(c.Text ?? "?"));
                break;
            case PresenceCondition c:
                AppendOperand(builder, c.Subject);
                builder.Append(c.Exists ? " exists" : " missing");
                break;
            case RecencyCondition c:
                AppendOperand(builder, c.Subject);
                builder.Append(c.Recency == RecencyKind.Within ? " within " : " before ").Append(c.Window?.ToString() ?? "?");
                break;
            case TruthCondition c:
                AppendOperand(builder, c.Subject);
                break;
            default:
                throw new ArgumentException($"Unknown rule node {condition.GetType().Name}.", nameof(condition));
        }
    }

    private static void AppendOperand(StringBuilder builder, RuleOperand? operand)
    {
        switch (operand)
        {
            case null:
                builder.Append('?');
                break;
            case AttributeOperand a:
                builder.Append(a.Name);
                break;
            case TraitOperand t:
                builder.Append("traits.").Append(t.Path);
                break;
            case WindowOperand w:
                builder.Append(w.Function).Append('(').Append(w.Window?.ToString() ?? "?").Append(')');
                break;
            case EventCountOperand c:
                builder.Append("count(").Append(Quote(c.EventName ?? "?"));
                AppendFilter(builder, c.Filter);
                if (c.Window is not null)
                {
                    builder.Append(", ").Append(c.Window?.ToString() ?? "?");
                }

                builder.Append(')');
                break;
            case EventSumOperand s:
                builder.Append("sum(").Append(Quote(s.EventName ?? "?"));
                AppendFilter(builder, s.Filter);
                builder.Append(", ").Append(PropertyName(s.Property ?? "?")).Append(", ").Append(s.Window?.ToString() ?? "?").Append(')');
                break;
            case SegmentOperand s:
                builder.Append("in_segment(").Append(Quote(s.SegmentId ?? "?")).Append(')');
                break;
            case PropertyOperand p:
                builder.Append(PropertyName(p.Name ?? "?"));
                break;
            default:
                throw new ArgumentException($"Unknown operand {operand.GetType().Name}.", nameof(operand));
        }
    }

    private static void AppendFilter(StringBuilder builder, RuleExpression? filter)
    {
        if (filter is not null)
        {
            builder.Append(" where ");
            AppendExpression(builder, filter);
        }
    }

    /// <summary>The symbol of a comparison operator: =, !=, &lt;, &lt;=, &gt; or &gt;=.</summary>
    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown comparison operator."),
    };
}
