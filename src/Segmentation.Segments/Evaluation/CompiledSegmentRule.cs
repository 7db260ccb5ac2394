using Segmentation.Domain.Profiles;
using Segmentation.Segments.Printing;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// A checked rule compiled to evaluators: evaluated against a profile on every change without parsing again, and
/// able to say when its result can next change by time alone. Immutable and thread-safe.
/// </summary>
public sealed class CompiledSegmentRule
{
    private readonly RuleNode _root;
    private readonly TemporalAtom[] _temporal;

    internal CompiledSegmentRule(RuleExpression rule, RuleNode root, TemporalAtom[] temporal, IReadOnlySet<string> references)
    {
        Rule = rule;
        Text = SegmentRulePrinter.Print(rule);
        _root = root;
        _temporal = temporal;
        ReferencedSegments = references;
    }

    /// <summary>The syntax tree.</summary>
    public RuleExpression Rule { get; }

    /// <summary>The canonical text of the rule.</summary>
    public string Text { get; }

    /// <summary>The segment ids this rule's <c>in_segment(...)</c> conditions name.</summary>
    public IReadOnlySet<string> ReferencedSegments { get; }

    /// <summary>True when the result can change as time passes (windows, within/before, RFM recency, lifecycle, other segments).</summary>
    public bool IsTimeDependent => _temporal.Length > 0;

    /// <summary>Whether the customer is a member at <see cref="SegmentEvaluationContext.AsOf"/>.</summary>
    public bool Evaluate(CustomerProfile profile, SegmentEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        var scope = new EvaluationScope(profile, context, context.AsOf.UtcTicks);
        return _root.Evaluate(ref scope);
    }

    /// <summary>
    /// Evaluates several rules against one profile and context, sharing what they have in common (RFM scores,
    /// lifecycle stage, cart, email engagement): the per-event path of a customer with many segments.
    /// </summary>
    public static void EvaluateAll(IReadOnlyList<CompiledSegmentRule> rules, CustomerProfile profile, SegmentEvaluationContext context, Span<bool> results)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        if (results.Length < rules.Count)
        {
            throw new ArgumentException("The results span is shorter than the rule list.", nameof(results));
        }

        var scope = new EvaluationScope(profile, context, context.AsOf.UtcTicks);
        for (var i = 0; i < rules.Count; i++)
        {
            results[i] = rules[i]._root.Evaluate(ref scope);
        }
    }

    /// <summary>
    /// The earliest instant after <see cref="SegmentEvaluationContext.AsOf"/> at which the result differs from the
    /// result at <c>AsOf</c> with no new event (a window entry expiring, a <c>within</c> running out, the RFM
    /// recency score or the lifecycle stage moving on); null when it never will. Exact: evaluating one tick before
    /// gives the current result, evaluating at it gives the other. With <c>in_segment</c>, the answer is at most
    /// the referenced segment's own next change (beyond which its membership is not known here): re-evaluate then.
    /// Exact for an <c>AsOf</c> at or after the profile's latest event, as the profile's windows are.
    /// </summary>
    public DateTimeOffset? NextChange(CustomerProfile profile, SegmentEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        if (_temporal.Length == 0)
        {
            return null;
        }

        var scope = new EvaluationScope(profile, context, context.AsOf.UtcTicks);
        var initial = _root.Evaluate(ref scope);
        var flips = new long?[_temporal.Length];
        for (var i = 0; i < _temporal.Length; i++)
        {
            flips[i] = _temporal[i].NextFlip(ref scope);
        }

        while (true)
        {
            long? next = null;
            foreach (var flip in flips)
            {
                if (flip is { } f && (next is null || f < next))
                {
                    next = f;
                }
            }

            if (next is not { } instant)
            {
                return null;
            }

            var at = scope.At(instant);
            if (_root.Evaluate(ref at) != initial)
            {
                return new DateTimeOffset(instant, TimeSpan.Zero);
            }

            for (var i = 0; i < _temporal.Length; i++)
            {
                if (flips[i] != instant)
                {
                    continue;
                }

                if (_temporal[i].IsHorizon)
                {
                    return new DateTimeOffset(instant, TimeSpan.Zero);
                }

                flips[i] = _temporal[i].NextFlip(ref at);
            }
        }
    }

    public override string ToString() => Text;
}
