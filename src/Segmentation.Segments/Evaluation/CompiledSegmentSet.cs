using Segmentation.Domain.Profiles;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// The compiled rules of a set of segments, evaluated together: the per-event path of a customer with many segments.
/// The segments come in dependency order (each after the segments its <c>in_segment</c> conditions name), so one pass
/// evaluates every rule, gives each result to the later <c>in_segment</c> conditions, and finds the earliest instant at
/// which any result changes by time alone. The rules share one evaluation (RFM scores, lifecycle stage, cart, email
/// engagement, and when those change), and a rule's next change is looked for only up to the earliest instant found so
/// far: that is all the answer needs, and all a later <c>in_segment</c> can ask about its segment (it looks no further
/// than that instant either). Immutable and thread-safe; allocates nothing once a thread is warm.
/// <para>
/// A set may be part of a larger one (a segment and the segments that depend on it): an <c>in_segment</c> condition
/// naming a segment outside the set reads <see cref="SegmentEvaluationContext.Memberships"/>.
/// </para>
/// </summary>
public sealed partial class CompiledSegmentSet
{
    private const int StackRules = 512;

    private readonly string[] _ids;
    private readonly CompiledSegmentRule[] _rules;
    private readonly bool[] _referenced;

    /// <summary>The ids <c>in_segment</c> conditions name that are not in the set: read from the context's memberships.</summary>
    private readonly string[] _external;

    /// <summary>The segments by id, in dependency order.</summary>
    /// <exception cref="ArgumentException">An id appears twice, or a rule names a segment of the set that does not come before it.</exception>
    public CompiledSegmentSet(IReadOnlyList<KeyValuePair<string, CompiledSegmentRule>> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var all = segments.Select(static s => s.Key).ToHashSet(StringComparer.Ordinal);
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, rule) in segments)
        {
            foreach (var reference in rule.ReferencedSegments)
            {
                if (all.Contains(reference) && !earlier.Contains(reference))
                {
                    throw new ArgumentException($"The segment `{id}` refers to `{reference}`, which does not come before it.", nameof(segments));
                }
            }

            if (!earlier.Add(id))
            {
                throw new ArgumentException($"The segment `{id}` appears twice.", nameof(segments));
            }

            referenced.UnionWith(rule.ReferencedSegments);
        }

        _ids = [.. segments.Select(static s => s.Key)];
        _rules = [.. segments.Select(static s => s.Value)];
        _referenced = [.. _ids.Select(referenced.Contains)];
        _external = [.. referenced.Where(id => !all.Contains(id)).Order(StringComparer.Ordinal)];
        (_inputs, _always, _byEventName) = EffectiveInputs(_ids, _rules);
    }

    public int Count => _rules.Length;

    /// <summary>The segment ids <c>in_segment</c> conditions name that are not in the set: read from the context's memberships.</summary>
    public IReadOnlyList<string> ExternalReferences => _external;

    /// <summary>
    /// Evaluates every rule at <see cref="SegmentEvaluationContext.AsOf"/> into <paramref name="results"/>, in the set's
    /// order. <c>in_segment</c> conditions read this evaluation's results of the earlier segments, not the context's
    /// memberships.
    /// </summary>
    /// <returns>The earliest instant after <c>AsOf</c> at which a result changes with no new event (exact, as
    /// <see cref="CompiledSegmentRule.NextChange"/>); null when none will.</returns>
    public DateTimeOffset? Evaluate(CustomerProfile profile, SegmentEvaluationContext context, Span<bool> results) =>
        Evaluate(profile, context, results, before: null);

    /// <summary>
    /// As <see cref="Evaluate(CustomerProfile, SegmentEvaluationContext, Span{bool})"/>, looking for the next change
    /// only before <paramref name="before"/> (null: no limit), which costs less when all the caller needs is whether
    /// some result changes before that instant.
    /// </summary>
    /// <returns>The earliest instant after <c>AsOf</c> and before <paramref name="before"/> at which a result changes
    /// with no new event; null when none does.</returns>
    public DateTimeOffset? Evaluate(CustomerProfile profile, SegmentEvaluationContext context, Span<bool> results, DateTimeOffset? before)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        if (results.Length < _rules.Length)
        {
            throw new ArgumentException("The results span is shorter than the set.", nameof(results));
        }

        var limit = before?.UtcTicks ?? long.MaxValue;
        var earliest = EarliestChanges.None;
        Run(profile, context, results, evaluate: default, EarliestChanges.None, ref earliest, limit, second: false);
        return earliest.First < limit ? new DateTimeOffset(earliest.First, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The evaluation: every rule, or only those <paramref name="evaluate"/> marks (when not empty). Each rule's next
    /// change is looked for before <paramref name="ceiling"/> and before the earliest change found so far, or with
    /// <paramref name="second"/> the second earliest, which <paramref name="earliest"/> (given with the changes already
    /// known) keeps. A rule left out keeps its result in <paramref name="results"/>, which later <c>in_segment</c>
    /// conditions read with the next change <paramref name="known"/> gives it, else as constant (they look no further
    /// than the bound, which must then come no later than its next change).
    /// </summary>
    private void Run(
        CustomerProfile profile,
        SegmentEvaluationContext context,
        Span<bool> results,
        ReadOnlySpan<bool> evaluate,
        in EarliestChanges known,
        ref EarliestChanges earliest,
        long ceiling,
        bool second)
    {
        var asOf = context.AsOf.UtcTicks;
        var cache = EvaluationCache.Rent(profile, context, asOf);
        var memberships = cache.Memberships;
        foreach (var id in _external)
        {
            memberships.Set(id, context.Memberships.GetMembership(id));
        }

        var scope = new EvaluationScope(cache, asOf, memberships);
        var all = evaluate.IsEmpty;
        for (var i = 0; i < _rules.Length; i++)
        {
            long? next = i == known.FirstRule ? known.First : i == known.SecondRule ? known.Second : null;
            if (all || evaluate[i])
            {
                results[i] = _rules[i].Evaluate(ref scope, Math.Min(second ? earliest.Second : earliest.First, ceiling), out next);
                if (next is { } ticks)
                {
                    earliest.Add(ticks, i);
                }
            }

            if (_referenced[i])
            {
                memberships.Set(_ids[i], new SegmentMembership(results[i], next is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null));
            }
        }

        cache.Release();
    }
}
