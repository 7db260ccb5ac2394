using System.Text.Json;
using Segmentation.Segments.Printing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Json;

/// <summary>Writes the JSON form of a rule (see <see cref="SegmentRuleJson"/>).</summary>
internal static class RuleJsonWriter
{
    public static void Write(Utf8JsonWriter writer, RuleExpression expression)
    {
        writer.WriteStartObject();
        switch (expression)
        {
            case AndExpression and:
                writer.WriteString("kind", "and");
                WriteExpressions(writer, "operands", and.Operands);
                break;
            case OrExpression or:
                writer.WriteString("kind", "or");
                WriteExpressions(writer, "operands", or.Operands);
                break;
            case NotExpression not:
                writer.WriteString("kind", "not");
                writer.WritePropertyName("operand");
                Write(writer, not.Operand);
                break;
            case ComparisonCondition c:
                Condition(writer, "compare", c.Subject);
                writer.WriteString("operator", SegmentRulePrinter.Symbol(c.Operator));
                writer.WritePropertyName("value");
                WriteLiteral(writer, c.Value);
                break;
            case InListCondition c:
                Condition(writer, "in", c.Subject);
                writer.WriteStartArray("values");
                foreach (var value in c.Values)
                {
                    WriteLiteral(writer, value);
                }

                writer.WriteEndArray();
                break;
            case TextMatchCondition c:
                Condition(writer, "text_match", c.Subject);
                writer.WriteString("match", c.Match == TextMatchKind.Contains ? "contains" : "starts_with");
                writer.WriteString("text", c.Text);
                break;
            case PresenceCondition c:
                Condition(writer, "presence", c.Subject);
                writer.WriteBoolean("exists", c.Exists);
                break;
            case RecencyCondition c:
                Condition(writer, "recency", c.Subject);
                writer.WriteString("recency", c.Recency == RecencyKind.Within ? "within" : "before");
                writer.WriteString("window", c.Window.ToString());
                break;
            case TruthCondition c:
                Condition(writer, "is_true", c.Subject);
                break;
            default:
                throw new ArgumentException($"Unknown rule node {expression.GetType().Name}.", nameof(expression));
        }

        writer.WriteEndObject();
    }

    private static void Condition(Utf8JsonWriter writer, string kind, RuleOperand subject)
    {
        writer.WriteString("kind", kind);
        writer.WritePropertyName("subject");
        WriteOperand(writer, subject);
    }

    private static void WriteExpressions(Utf8JsonWriter writer, string name, ValueList<RuleExpression> expressions)
    {
        writer.WriteStartArray(name);
        foreach (var expression in expressions)
        {
            Write(writer, expression);
        }

        writer.WriteEndArray();
    }

    private static void WriteOperand(Utf8JsonWriter writer, RuleOperand operand)
    {
        writer.WriteStartObject();
        switch (operand)
        {
            case AttributeOperand a:
                writer.WriteString("kind", "attribute");
                writer.WriteString("name", a.Name);
                break;
            case TraitOperand t:
                writer.WriteString("kind", "trait");
                writer.WriteString("path", t.Path);
                break;
            case WindowOperand w:
                writer.WriteString("kind", "window");
                writer.WriteString("function", w.Function);
                writer.WriteString("window", w.Window.ToString());
                break;
            case EventCountOperand c:
                writer.WriteString("kind", "count");
                writer.WriteString("eventName", c.EventName);
                WriteFilter(writer, c.Filter);
                if (c.Window is not null)
                {
                    writer.WriteString("window", c.Window.ToString());
                }

                break;
            case EventSumOperand s:
                writer.WriteString("kind", "sum");
                writer.WriteString("eventName", s.EventName);
                WriteFilter(writer, s.Filter);
                writer.WriteString("property", s.Property);
                writer.WriteString("window", s.Window.ToString());
                break;
            case SegmentOperand m:
                writer.WriteString("kind", "in_segment");
                writer.WriteString("segmentId", m.SegmentId);
                break;
            case PropertyOperand p:
                writer.WriteString("kind", "property");
                writer.WriteString("name", p.Name);
                break;
            default:
                throw new ArgumentException($"Unknown operand {operand.GetType().Name}.", nameof(operand));
        }

        writer.WriteEndObject();
    }

    private static void WriteFilter(Utf8JsonWriter writer, RuleExpression? filter)
    {
        if (filter is not null)
        {
            writer.WritePropertyName("filter");
            Write(writer, filter);
        }
    }

    private static void WriteLiteral(Utf8JsonWriter writer, RuleLiteral literal)
    {
        switch (literal)
        {
            case StringLiteral s:
                writer.WriteStringValue(s.Value);
                break;
            case NumberLiteral n:
                writer.WriteRawValue(SegmentRulePrinter.FormatNumber(n.Value));
                break;
            case BooleanLiteral b:
                writer.WriteBooleanValue(b.Value);
                break;
            default:
                throw new ArgumentException($"Unknown literal {literal.GetType().Name}.", nameof(literal));
        }
    }
}
