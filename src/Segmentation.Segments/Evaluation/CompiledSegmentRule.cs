using System.Buffers;
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

    /// <summary>The rule's only node when it is one temporal condition: its flips are the rule's changes.</summary>
    private readonly TemporalAtom? _single;

    internal CompiledSegmentRule(RuleExpression rule, RuleNode root, TemporalAtom[] temporal, IReadOnlySet<string> references)
    {
        Rule = rule;
        Text = SegmentRulePrinter.Print(rule);
        _root = root;
        _temporal = temporal;
        _single = root as TemporalAtom;
        ReferencedSegments = references;
    }

    /// <summary>The syntax tree.</summary>
    public RuleExpression Rule { get; }

    /// <summary>The canonical text of the rule.</summary>
    public string Text { get; }

    /// <summary>The segment ids this rule's <c>in_segment(...)</c> conditions name.</summary>
    public IReadOnlySet<string> ReferencedSegments { get; }

    /// <summary>
    /// The parts of the profile the rule reads (its own conditions; an <c>in_segment</c> condition reads the other
    /// segment's result, whose inputs <see cref="CompiledSegmentSet"/> adds). With no new event, only time changes the result.
    /// </summary>
    public ProfileParts Inputs { get; internal init; }

    /// <summary>The track event names its <c>count(...)</c> and <c>sum(...)</c> read (<see cref="ProfileParts.NamedEvents"/>), ordinal.</summary>
    public IReadOnlySet<string> EventNames { get; internal init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True when the result can change as time passes (windows, within/before, RFM recency, lifecycle, other segments).</summary>
    public bool IsTimeDependent => _temporal.Length > 0;

    /// <summary>Whether the customer is a member at <see cref="SegmentEvaluationContext.AsOf"/>.</summary>
    public bool Evaluate(CustomerProfile profile, SegmentEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        var asOf = context.AsOf.UtcTicks;
        var cache = EvaluationCache.Rent(profile, context, asOf);
        var scope = new EvaluationScope(cache, asOf, context.Memberships);
        var result = _root.Evaluate(ref scope);
        cache.Release();
        return result;
    }

    /// <summary>
    /// Evaluates several rules against one profile and context, sharing what they have in common (RFM scores,
    /// lifecycle stage, cart, email engagement). A customer's segments with their next change: <see cref="CompiledSegmentSet"/>.
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

        var asOf = context.AsOf.UtcTicks;
        var cache = EvaluationCache.Rent(profile, context, asOf);
        var scope = new EvaluationScope(cache, asOf, context.Memberships);
        for (var i = 0; i < rules.Count; i++)
        {
            results[i] = rules[i].Evaluate(ref scope);
        }

        cache.Release();
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

        var asOf = context.AsOf.UtcTicks;
        var cache = EvaluationCache.Rent(profile, context, asOf);
        var scope = new EvaluationScope(cache, asOf, context.Memberships);
        Evaluate(ref scope, long.MaxValue, out var next);
        cache.Release();
        return next is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    public override string ToString() => Text;

    internal bool Evaluate(ref EvaluationScope scope) => _root.Evaluate(ref scope);

    /// <summary>
    /// The result at the scope's instant, and in <paramref name="next"/> the earliest instant after it and before
    /// <paramref name="limit"/> at which the result differs; null for none before the limit. Each temporal condition is
    /// evaluated once, together with its own next flip; none is when the rest of the rule settles the result.
    /// </summary>
    internal bool Evaluate(ref EvaluationScope scope, long limit, out long? next)
    {
        const int StackAtoms = 64;
        var count = _temporal.Length;
        if (count == 0)
        {
            next = null;
            return _root.Evaluate(ref scope);
        }

        if (_single is not null)
        {
            var truth = _single.Evaluate(ref scope, limit, out var flip);
            next = flip < limit ? flip : null;
            return truth;
        }

        if (_root.Settled(ref scope) is { } settled)
        {
            next = null;
            return settled;
        }

        long[]? rentedFlips = null;
        bool[]? rentedTruths = null;
        var flips = count <= StackAtoms ? stackalloc long[count] : (rentedFlips = ArrayPool<long>.Shared.Rent(count));
        var truths = count <= StackAtoms ? stackalloc bool[count] : (rentedTruths = ArrayPool<bool>.Shared.Rent(count));
        var result = Evaluate(ref scope, limit, flips, truths, out next);
        if (rentedFlips is not null)
        {
            ArrayPool<long>.Shared.Return(rentedFlips);
            ArrayPool<bool>.Shared.Return(rentedTruths!);
        }

        return result;
    }

    /// <summary>
    /// Each temporal condition's truth and next flip before the limit (<see cref="long.MaxValue"/> for none) go in
    /// <paramref name="truths"/> and <paramref name="flips"/>. The result cannot change between two flips; at the
    /// earliest flip, either the result differs (the answer) or the conditions that flipped there look for their next
    /// flip from it.
    /// </summary>
    private bool Evaluate(ref EvaluationScope scope, long limit, Span<long> flips, Span<bool> truths, out long? next)
    {
        var earliest = long.MaxValue;
        for (var i = 0; i < _temporal.Length; i++)
        {
            truths[i] = _temporal[i].Evaluate(ref scope, limit, out flips[i]);
            earliest = Math.Min(earliest, flips[i]);
        }

        var result = _root.Evaluate(ref scope, truths);
        next = FirstChange(ref scope, result, limit, flips, earliest);
        return result;
    }

    /// <summary>From the earliest flip on, the first flip at which the result differs from <paramref name="current"/>.</summary>
    private long? FirstChange(ref EvaluationScope scope, bool current, long limit, Span<long> flips, long earliest)
    {
        for (var instant = earliest; instant < limit;)
        {
            var at = scope.At(instant);
            if (_root.Evaluate(ref at) != current)
            {
                return instant;
            }

            var following = long.MaxValue;
            for (var i = 0; i < _temporal.Length; i++)
            {
                if (flips[i] == instant)
                {
                    if (_temporal[i].IsHorizon)
                    {
                        return instant;
                    }

                    _temporal[i].Evaluate(ref at, limit, out flips[i]);
                }

                following = Math.Min(following, flips[i]);
            }

            instant = following;
        }

        return null;
    }
}
