using Segmentation.Domain.Profiles;
using Segmentation.Segments.Catalog;
using Segmentation.Segments.Checking;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// Predicates on typed values. A missing value satisfies no comparison (<c>!=</c> included: it means "present and
/// different"); <c>exists</c>/<c>missing</c> test presence. Text compares case-insensitively.
/// </summary>
internal sealed partial class RuleCompiler
{
    private static Func<decimal?, bool> NumberPredicate(RuleExpression condition)
    {
        switch (condition)
        {
            case ComparisonCondition { Value: NumberLiteral literal } c:
                var k = literal.Value;
                return c.Operator switch
                {
                    ComparisonOperator.Equal => v => v == k,
                    ComparisonOperator.NotEqual => v => v is { } x && x != k,
                    ComparisonOperator.Less => v => v < k,
                    ComparisonOperator.LessOrEqual => v => v <= k,
                    ComparisonOperator.Greater => v => v > k,
                    _ => v => v >= k,
                };
            case InListCondition list:
                var values = list.Values.Select(value => ((NumberLiteral)value).Value).ToArray();
                return v => v is { } x && Array.IndexOf(values, x) >= 0;
            default:
                throw Unsupported(condition);
        }
    }

    private static Threshold ThresholdOf(RuleExpression condition) => condition switch
    {
        ComparisonCondition { Operator: ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual } => Threshold.TrueAbove,
        ComparisonCondition { Operator: ComparisonOperator.Less or ComparisonOperator.LessOrEqual } => Threshold.TrueBelow,
        _ => Threshold.None,
    };

    private static Func<string?, bool> TextPredicate(RuleExpression condition)
    {
        switch (condition)
        {
            case ComparisonCondition { Value: StringLiteral literal } c:
                var text = literal.Value;
                return c.Operator == ComparisonOperator.Equal
                    ? v => v is not null && string.Equals(v, text, StringComparison.OrdinalIgnoreCase)
                    : v => v is not null && !string.Equals(v, text, StringComparison.OrdinalIgnoreCase);
            case InListCondition list:
                var values = list.Values.Select(value => ((StringLiteral)value).Value).ToArray();
                return v => v is not null && values.Any(value => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
            case TextMatchCondition match:
                var part = match.Text;
                return match.Match == TextMatchKind.Contains
                    ? v => v is not null && v.Contains(part, StringComparison.OrdinalIgnoreCase)
                    : v => v is not null && v.StartsWith(part, StringComparison.OrdinalIgnoreCase);
            default:
                throw Unsupported(condition);
        }
    }

    private static Func<int, bool> ChoicePredicate(RuleExpression condition, RuleOperand subject)
    {
        var definition = AttributeCatalog.FindAttribute(((AttributeOperand)subject).Name)!;
        switch (condition)
        {
            case ComparisonCondition { Value: StringLiteral literal } c:
                var index = AttributeCatalog.IndexOfValue(definition, literal.Value);
                return c.Operator == ComparisonOperator.Equal ? v => v == index : v => v >= 0 && v != index;
            case InListCondition list:
                var indexes = list.Values.Select(value => AttributeCatalog.IndexOfValue(definition, ((StringLiteral)value).Value)).ToArray();
                return v => v >= 0 && Array.IndexOf(indexes, v) >= 0;
            default:
                throw Unsupported(condition);
        }
    }

    private static Func<long?, bool> TimestampPredicate(RuleExpression condition)
    {
        if (condition is not ComparisonCondition { Value: StringLiteral literal } c || Instants.Parse(literal.Value) is not { } k)
        {
            throw Unsupported(condition);
        }

        return c.Operator switch
        {
            ComparisonOperator.Equal => v => v == k,
            ComparisonOperator.NotEqual => v => v is { } x && x != k,
            ComparisonOperator.Less => v => v < k,
            ComparisonOperator.LessOrEqual => v => v <= k,
            ComparisonOperator.Greater => v => v > k,
            _ => v => v >= k,
        };
    }

    /// <summary>
    /// A trait or event property compared as the literal's type: strings by text (case-insensitive), numbers by
    /// numeric value (numeric strings too), booleans by flag (the strings "true"/"false" too).
    /// </summary>
    private static Func<ScalarValue?, bool> ScalarPredicate(RuleExpression condition)
    {
        switch (condition)
        {
            case ComparisonCondition { Value: NumberLiteral literal, Operator: ComparisonOperator.NotEqual }:
                var other = literal.Value;
                return v => v is { } x && x.Number != other;
            case ComparisonCondition { Value: NumberLiteral } c:
                var number = NumberPredicate(c);
                return v => v is { } x && number(x.Number);
            case ComparisonCondition c:
                var equal = ScalarEquals(c.Value);
                return c.Operator == ComparisonOperator.Equal ? v => v is { } x && equal(x) : v => v is { } x && !equal(x);
            case InListCondition list:
                var tests = list.Values.Select(ScalarEquals).ToArray();
                return v => v is { } x && tests.Any(test => test(x));
            case TextMatchCondition match:
                var part = match.Text;
                return match.Match == TextMatchKind.Contains
                    ? v => v is { } x && x.Text.Contains(part, StringComparison.OrdinalIgnoreCase)
                    : v => v is { } x && x.Text.StartsWith(part, StringComparison.OrdinalIgnoreCase);
            case PresenceCondition presence:
                var exists = presence.Exists;
                return v => v.HasValue == exists;
            default:
                throw Unsupported(condition);
        }
    }

    private static Func<ScalarValue, bool> ScalarEquals(RuleLiteral literal) => literal switch
    {
        StringLiteral s => v => string.Equals(v.Text, s.Value, StringComparison.OrdinalIgnoreCase),
        NumberLiteral n => v => v.Number == n.Value,
        BooleanLiteral b => v => v.Flag == b.Value,
        _ => throw new InvalidOperationException($"Unknown literal {literal.GetType().Name}."),
    };

    /// <summary>An event filter: and/or/not over conditions on event properties.</summary>
    private static EventFilter? CompileFilter(RuleExpression? filter)
    {
        switch (filter)
        {
            case null:
                return null;
            case AndExpression and:
                return new AllEventFilter(and.Operands.Select(operand => CompileFilter(operand)!).ToArray());
            case OrExpression or:
                return new AnyEventFilter(or.Operands.Select(operand => CompileFilter(operand)!).ToArray());
            case NotExpression not:
                return new NotEventFilter(CompileFilter(not.Operand)!);
            case ComparisonCondition { Subject: PropertyOperand property, Operator: ComparisonOperator.Equal, Value: StringLiteral text }:
                return new PropertyTextEqualsEventFilter(TrackedEvent.ShareName(property.Name), text.Value);
            default:
                return new PropertyEventFilter(TrackedEvent.ShareName(((PropertyOperand)SubjectOf(filter)).Name), ScalarPredicate(filter));
        }
    }

    private static RuleOperand SubjectOf(RuleExpression condition) => condition switch
    {
        ComparisonCondition c => c.Subject,
        InListCondition c => c.Subject,
        TextMatchCondition c => c.Subject,
        PresenceCondition c => c.Subject,
        RecencyCondition c => c.Subject,
        TruthCondition c => c.Subject,
        _ => throw Unsupported(condition),
    };

    private static InvalidOperationException Unsupported(RuleExpression condition) =>
        new($"The condition `{Printing.SegmentRulePrinter.Print(condition)}` has no evaluator; check the rule before compiling it.");
}
