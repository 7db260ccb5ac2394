using Segmentation.Domain.Lifecycle;
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

    public static CompiledSegmentRule Compile(RuleExpression rule)
    {
        var compiler = new RuleCompiler();
        var root = compiler.Expression(rule);
        return new CompiledSegmentRule(rule, root, [.. compiler._temporal], compiler._references);
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
                var windowTest = NumberPredicate(condition);
                return Temporal(new WindowAtom(operand.Window!, operand.Span, value => windowTest(value)));
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

        var span = recency.Window.Ticks;
        if (recency.Recency == RecencyKind.Within)
        {
            return Temporal(new CandidateAtom(
                (ref EvaluationScope s) => timestamp(ref s) is { } t && t <= s.AsOfTicks && t > s.AsOfTicks - span,
                (ref EvaluationScope s, long after) => timestamp(ref s) is { } t
                    ? (t > after ? t : Shift(t, span) is { } exit && exit > after ? exit : null)
                    : null));
        }

        return Temporal(new CandidateAtom(
            (ref EvaluationScope s) => timestamp(ref s) is { } t && t <= s.AsOfTicks - span,
            (ref EvaluationScope s, long after) => timestamp(ref s) is { } t && Shift(t, span) is { } due && due > after ? due : null));
    }

    private static long? Shift(long ticks, long span) => ticks <= WindowSource.MaxTicks - span ? ticks + span : null;

    private static bool ExpectedBoolean(RuleExpression condition) => condition switch
    {
        ComparisonCondition { Operator: ComparisonOperator.Equal, Value: BooleanLiteral b } => b.Value,
        ComparisonCondition { Operator: ComparisonOperator.NotEqual, Value: BooleanLiteral b } => !b.Value,
        _ => true,
    };

    private RuleNode Wrap(ScopeTest test, TimeDependence time) => time switch
    {
        TimeDependence.Rfm => Temporal(new CandidateAtom(test, RfmChange)),
        TimeDependence.Lifecycle => Temporal(new CandidateAtom(test, LifecycleChange)),
        _ => new TestAtom(test),
    };

    private TemporalAtom Temporal(TemporalAtom atom)
    {
        _temporal.Add(atom);
        return atom;
    }

    private static long? RfmChange(ref EvaluationScope scope, long after) =>
        scope.Context.RfmCutPoints is { } cutPoints && scope.Profile.GetRfmInput() is { } input
            ? cutPoints.NextScoreChange(input, new DateTimeOffset(after, TimeSpan.Zero))?.UtcTicks
            : null;

    private static long? LifecycleChange(ref EvaluationScope scope, long after)
    {
        var at = scope.At(after);
        var options = scope.Context.LifecycleOptions;
        long? next = LifecycleClassifier.Assess(scope.Profile, at.AsOf, options, at.Rfm?.Cell).NextChangeAt?.UtcTicks;
        if (options.ChampionsAreVip && RfmChange(ref scope, after) is { } rfm && (next is null || rfm < next))
        {
            next = rfm;
        }

        return next;
    }
}
