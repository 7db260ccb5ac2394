using System.Collections.Frozen;
using Segmentation.Domain.Profiles;

namespace Segmentation.Segments.Evaluation;

// Evaluating only what an event can have changed. A rule whose inputs (its own, and through in_segment those of the
// segments it names) are untouched keeps its result and its next change as long as the instant comes before the
// set's last next change: nothing it reads moved, and time alone does not change it before then. The set's next change
// stays exact: the untouched rules all change at or after the last one, so when the rule that gave it is untouched
// the new one is the earlier of it and the touched rules' changes; when that rule is touched, a touched rule changing
// no later than it gives the answer, and otherwise everything is evaluated.
public sealed partial class CompiledSegmentSet
{
    /// <summary>Each rule's profile parts with those of the segments it names, transitively (event names apart).</summary>
    private readonly ProfileParts[] _inputs;

    /// <summary>The rules that name a segment outside the set (read from the context, which may change at any time).</summary>
    private readonly bool[] _always;

    /// <summary>For each track event name a <c>count</c> or <c>sum</c> reads, the rules that read it, transitively.</summary>
    private readonly FrozenDictionary<string, int[]> _byEventName;

    /// <summary>
    /// Marks in <paramref name="affected"/> (in the set's order) the rules whose result or next change
    /// <paramref name="change"/> can have moved: those reading a changed part or the changed event name, themselves or
    /// through the segments they name, and those naming a segment outside the set.
    /// </summary>
    public void MarkAffected(in SegmentInputChange change, Span<bool> affected)
    {
        if (affected.Length < _rules.Length)
        {
            throw new ArgumentException("The span is shorter than the set.", nameof(affected));
        }

        if (change.IsEverything)
        {
            affected[.._rules.Length].Fill(true);
            return;
        }

        var parts = change.Parts;
        for (var i = 0; i < _rules.Length; i++)
        {
            affected[i] = _always[i] || (_inputs[i] & parts) != 0;
        }

        if ((parts & ProfileParts.NamedEvents) != 0 && change.EventName is { } name && _byEventName.TryGetValue(name, out var readers))
        {
            foreach (var i in readers)
            {
                affected[i] = true;
            }
        }
    }

    /// <summary>
    /// As <see cref="Evaluate(CustomerProfile, SegmentEvaluationContext, Span{bool})"/> with the same results and next
    /// change, evaluating only the rules <paramref name="change"/> can have affected when <paramref name="memo"/> (this
    /// customer's last evaluation of this set) allows it; then <paramref name="memo"/> describes this evaluation.
    /// </summary>
    /// <param name="profile">The customer's profile.</param>
    /// <param name="context">The instant (never earlier than the last evaluation), cut points and lifecycle options.</param>
    /// <param name="results">On entry, the results of the evaluation <paramref name="memo"/> describes (when it
    /// describes one of this set); on return, this evaluation's.</param>
    /// <param name="change">What may have changed since that evaluation.</param>
    /// <param name="memo">The customer's last evaluation; the default for none.</param>
    public DateTimeOffset? Evaluate(CustomerProfile profile, SegmentEvaluationContext context, Span<bool> results, in SegmentInputChange change, ref SegmentSetMemo memo)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        if (results.Length < _rules.Length)
        {
            throw new ArgumentException("The results span is shorter than the set.", nameof(results));
        }

        var next = CanSkip(profile, context, change, memo)
            ? RunAffected(profile, context, results, change, memo, out var source)
            : Run(profile, context, results, evaluate: default, long.MaxValue, out source);
        memo = new SegmentSetMemo(this, context.RfmCutPoints, context.LifecycleOptions, context.AsOf.UtcTicks, next, source);
        return next < long.MaxValue ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Whether the untouched rules' results and next changes are still those of <paramref name="memo"/>: the same set,
    /// cut points and lifecycle options, an instant from the last one to before its next change, a classified change,
    /// and no event after the instant (the profile prunes its windows relative to its latest event).
    /// </summary>
    private bool CanSkip(CustomerProfile profile, SegmentEvaluationContext context, in SegmentInputChange change, in SegmentSetMemo memo)
    {
        var asOf = context.AsOf.UtcTicks;
        return ReferenceEquals(memo.Set, this)
            && !change.IsEverything
            && asOf >= memo.EvaluatedAt
            && asOf < memo.NextChange
            && Equals(memo.CutPoints, context.RfmCutPoints)
            && Equals(memo.Lifecycle, context.LifecycleOptions)
            && !(profile.LatestEventAt is { } latest && latest.UtcTicks > asOf);
    }

    private long RunAffected(CustomerProfile profile, SegmentEvaluationContext context, Span<bool> results, in SegmentInputChange change, in SegmentSetMemo memo, out int source)
    {
        var count = _rules.Length;
        Span<bool> affected = count <= StackRules ? stackalloc bool[count] : new bool[count];
        MarkAffected(change, affected);
        var sourceAffected = memo.Source >= 0 && affected[memo.Source];

        // With the rule that gave the last next change affected, only a change no later than it is known to be the earliest.
        var limit = sourceAffected ? memo.NextChange + 1 : memo.NextChange;
        var next = Run(profile, context, results, affected, limit, out source);
        if (next < limit)
        {
            return next;
        }

        if (!sourceAffected)
        {
            source = memo.Source;
            return memo.NextChange;
        }

        return Run(profile, context, results, evaluate: default, long.MaxValue, out source);
    }

    private static (ProfileParts[] Inputs, bool[] Always, FrozenDictionary<string, int[]> ByEventName) EffectiveInputs(string[] ids, CompiledSegmentRule[] rules)
    {
        var index = ids.Select(static (id, i) => (id, i)).ToDictionary(static p => p.id, static p => p.i, StringComparer.Ordinal);
        var inputs = new ProfileParts[rules.Length];
        var always = new bool[rules.Length];
        var names = new HashSet<string>[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            inputs[i] = rules[i].Inputs & ~ProfileParts.NamedEvents;
            names[i] = new HashSet<string>(rules[i].EventNames, StringComparer.Ordinal);
            foreach (var reference in rules[i].ReferencedSegments)
            {
                if (index.TryGetValue(reference, out var j))
                {
                    inputs[i] |= inputs[j];
                    names[i].UnionWith(names[j]);
                    always[i] |= always[j];
                }
                else
                {
                    always[i] = true;
                }
            }
        }

        var byEventName = names
            .SelectMany(static (set, i) => set.Select(name => (Name: name, Rule: i)))
            .GroupBy(static p => p.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(static g => g.Key, static g => g.Select(static p => p.Rule).ToArray(), StringComparer.Ordinal);
        return (inputs, always, byEventName);
    }
}
