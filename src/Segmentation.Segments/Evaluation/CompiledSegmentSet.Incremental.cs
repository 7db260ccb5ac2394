using System.Collections.Frozen;
using Segmentation.Domain.Profiles;

namespace Segmentation.Segments.Evaluation;

// Evaluating only what an event can have changed. A rule whose inputs (its own, and through in_segment those of the
// segments it names) are untouched keeps its result and its next change as long as the instant comes before the
// set's last next change: nothing it reads moved, and time alone does not change it before then. The set's next change
// stays exact through the two earliest changes of the last evaluation: every other rule changes no earlier than the
// second, so the untouched of the two and the touched rules' changes up to the second give the new two earliest; when
// the touched rules change later than that and neither of the two is untouched, everything is evaluated.
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

        var earliest = EarliestChanges.None;
        if (!CanSkip(profile, context, change, memo) || !RunAffected(profile, context, results, change, memo, ref earliest))
        {
            earliest = EarliestChanges.None;
            Run(profile, context, results, evaluate: default, EarliestChanges.None, ref earliest, long.MaxValue, second: true);
        }

        memo = new SegmentSetMemo(this, context.RfmCutPoints, context.LifecycleOptions, context.AsOf.UtcTicks, earliest);
        return earliest.First < long.MaxValue ? new DateTimeOffset(earliest.First, TimeSpan.Zero) : null;
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
            && asOf < memo.Earliest.First
            && Equals(memo.CutPoints, context.RfmCutPoints)
            && Equals(memo.Lifecycle, context.LifecycleOptions)
            && !(profile.LatestEventAt is { } latest && latest.UtcTicks > asOf);
    }

    /// <summary>
    /// Evaluates the rules <paramref name="change"/> can have affected; false when that does not tell the two earliest
    /// changes (the touched rules now change after every change the memo knows, and neither of its two rules is untouched).
    /// </summary>
    private bool RunAffected(
        CustomerProfile profile, SegmentEvaluationContext context, Span<bool> results, in SegmentInputChange change, in SegmentSetMemo memo, ref EarliestChanges earliest)
    {
        var count = _rules.Length;
        Span<bool> affected = count <= StackRules ? stackalloc bool[count] : new bool[count];
        MarkAffected(change, affected);
        var known = memo.Earliest;
        if (known.FirstRule >= 0 && !affected[known.FirstRule])
        {
            earliest.Add(known.First, known.FirstRule);
        }

        if (known.SecondRule >= 0 && !affected[known.SecondRule])
        {
            earliest.Add(known.Second, known.SecondRule);
        }

        if (earliest.FirstRule < 0 && known.FirstRule >= 0)
        {
            // Both are touched (typically rules on the last activity, which moves later): the touched rules rarely
            // change before the second, so evaluating them first would mostly be work done twice.
            return false;
        }

        // Every other rule that is not touched changes at or after the floor: only changes up to it are certain to be the
        // earliest. An in_segment condition naming an untouched rule of the two sees its next change.
        var floor = known.Second;
        var ceiling = floor == long.MaxValue ? long.MaxValue : floor + 1;
        var untouched = earliest;
        Run(profile, context, results, affected, untouched, ref earliest, ceiling, second: true);
        if (earliest.First >= ceiling && floor < long.MaxValue)
        {
            return false;
        }

        if (earliest.Second >= ceiling)
        {
            (earliest.Second, earliest.SecondRule) = (floor, -1);
        }

        return true;
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
