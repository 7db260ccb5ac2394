using Segmentation.Domain.Profiles;
using Segmentation.Segments.Catalog;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// Turns a checked syntax tree into evaluator nodes (closures over typed getters and predicates), and lists the
/// conditions that can change as time passes, for <see cref="CompiledSegmentRule.NextChange"/>.
/// </summary>
internal sealed partial class RuleCompiler
{
    private readonly List<TemporalAtom> _temporal = [];
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventNames = new(StringComparer.Ordinal);
    private ProfileParts _inputs;

    public static CompiledSegmentRule Compile(RuleExpression rule)
    {
        var compiler = new RuleCompiler();
        var root = compiler.Expression(rule);
        return new CompiledSegmentRule(rule, root, [.. compiler._temporal], compiler._references)
        {
            Inputs = compiler._inputs,
            EventNames = compiler._eventNames,
        };
    }

    private RuleNode Expression(RuleExpression expression) => expression switch
    {
        AndExpression and => new AndNode(and.Operands.Select(Expression).ToArray()),
        OrExpression or => new OrNode(or.Operands.Select(Expression).ToArray()),
        NotExpression not => new NotNode(Expression(not.Operand)),
        _ => Condition(expression),
    };

    private RuleNode Condition(RuleExpression condition)
    {
        var subject = condition switch
        {
            ComparisonCondition c => c.Subject,
            InListCondition c => c.Subject,
            TextMatchCondition c => c.Subject,
            PresenceCondition c => c.Subject,
            RecencyCondition c => c.Subject,
            TruthCondition c => c.Subject,
            _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
        };

        var operand = Operand(subject);
        if (condition is PresenceCondition presence)
        {
            return Presence(operand, presence.Exists);
        }

        switch (operand.Type)
        {
            case RuleValueType.Number when operand.Time == TimeDependence.Window:
                return Temporal(new WindowAtom(operand.Window!, operand.Span, NumberPredicate(condition), ThresholdOf(condition)));
            case RuleValueType.Number:
                var number = operand.As<decimal?>();
                var numberTest = NumberPredicate(condition);
                return Wrap((ref EvaluationScope s) => numberTest(number(ref s)), operand.Time);
            case RuleValueType.Text:
                var text = operand.As<string?>();
                var textTest = TextPredicate(condition);
                return Wrap((ref EvaluationScope s) => textTest(text(ref s)), operand.Time);
            case RuleValueType.Boolean when operand.Time == TimeDependence.Segment:
                return Temporal(new SegmentAtom(operand.SegmentId!, ExpectedBoolean(condition)));
            case RuleValueType.Boolean:
                var flag = operand.As<bool>();
                var expected = ExpectedBoolean(condition);
                return Wrap((ref EvaluationScope s) => flag(ref s) == expected, operand.Time);
            case RuleValueType.Enumeration:
                var choice = operand.As<int>();
                var choiceTest = ChoicePredicate(condition, subject);
                return Wrap((ref EvaluationScope s) => choiceTest(choice(ref s)), operand.Time);
            case RuleValueType.Timestamp:
                return TimestampCondition(condition, operand.As<long?>());
            case RuleValueType.Dynamic when condition is RecencyCondition:
                var scalar = operand.As<Domain.Profiles.ScalarValue?>();
                return TimestampCondition(condition, (ref EvaluationScope s) => scalar(ref s) is { } value ? Checking.Instants.Parse(value.Text) : null);
            case RuleValueType.Dynamic:
                var dynamic = operand.As<Domain.Profiles.ScalarValue?>();
                var dynamicTest = ScalarPredicate(condition);
                return Wrap((ref EvaluationScope s) => dynamicTest(dynamic(ref s)), operand.Time);
            default:
                throw new InvalidOperationException($"No evaluator for {operand.Type}.");
        }
    }

    private static RuleNode Presence(CompiledOperand operand, bool exists)
    {
        ScopeTest present = operand.Type switch
        {
            RuleValueType.Number when operand.Time == TimeDependence.Window => (ref EvaluationScope _) => true,
            RuleValueType.Number => Present(operand.As<decimal?>()),
            RuleValueType.Text => Present(operand.As<string?>()),
            RuleValueType.Timestamp => Present(operand.As<long?>()),
            RuleValueType.Dynamic => Present(operand.As<Domain.Profiles.ScalarValue?>()),
            RuleValueType.Enumeration => Choice(operand.As<int>()),
            _ => (ref EvaluationScope _) => true,
        };
        return exists ? new TestAtom(present) : new TestAtom((ref EvaluationScope s) => !present(ref s));

        static ScopeTest Choice(ScopeValue<int> getter) => (ref EvaluationScope s) => getter(ref s) >= 0;
    }

    private static ScopeTest Present<T>(ScopeValue<T?> getter)
        where T : struct => (ref EvaluationScope s) => getter(ref s).HasValue;

    private static ScopeTest Present(ScopeValue<string?> getter) => (ref EvaluationScope s) => getter(ref s) is not null;

    private RuleNode TimestampCondition(RuleExpression condition, ScopeValue<long?> timestamp)
    {
        if (condition is not RecencyCondition recency)
        {
            var compare = TimestampPredicate(condition);
            return new TestAtom((ref EvaluationScope s) => compare(timestamp(ref s)));
        }

        return Temporal(new RecencyAtom(timestamp, recency.Window.Ticks, recency.Recency == RecencyKind.Within));
    }

    private static bool ExpectedBoolean(RuleExpression condition) => condition switch
    {
        ComparisonCondition { Operator: ComparisonOperator.Equal, Value: BooleanLiteral b } => b.Value,
        ComparisonCondition { Operator: ComparisonOperator.NotEqual, Value: BooleanLiteral b } => !b.Value,
        _ => true,
    };

    private RuleNode Wrap(ScopeTest test, TimeDependence time) => time switch
    {
        TimeDependence.Rfm or TimeDependence.Lifecycle => Temporal(new ScheduledAtom(test)),
        _ => new TestAtom(test),
    };

    private TemporalAtom Temporal(TemporalAtom atom)
    {
        atom.Index = _temporal.Count;
        _temporal.Add(atom);
        return atom;
    }
}
