using Segmentation.Segments.Checking;
using Segmentation.Segments.Syntax;

namespace Segmentation.Segments.Dependencies;

/// <summary>
/// The <c>in_segment</c> references between segment definitions. Building it rejects a reference to an undefined
/// segment and a segment that refers to itself, directly or through others (the message names the cycle), so a
/// set of definitions that builds can always be evaluated: <see cref="EvaluationOrder"/> lists every segment after
/// the segments it refers to (ties by id, ordinal), so one pass in that order sees up-to-date memberships.
/// </summary>
public sealed class SegmentDependencyGraph
{
    private readonly Dictionary<string, IReadOnlySet<string>> _dependencies;
    private readonly Dictionary<string, int> _position;

    private SegmentDependencyGraph(Dictionary<string, IReadOnlySet<string>> dependencies, List<string> order)
    {
        _dependencies = dependencies;
        EvaluationOrder = order;
        _position = order.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index, StringComparer.Ordinal);
    }

    /// <summary>Every segment id, each after the segments it refers to.</summary>
    public IReadOnlyList<string> EvaluationOrder { get; }

    /// <exception cref="SegmentRuleException">A reference to an undefined segment, or a cycle.</exception>
    public static SegmentDependencyGraph Build(IReadOnlyDictionary<string, RuleExpression> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var dependencies = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (id, rule) in definitions.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            dependencies[id] = SegmentReferences.Of(rule);
        }

        var ids = dependencies.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            foreach (var reference in dependencies[id])
            {
                if (!dependencies.ContainsKey(reference))
                {
                    var suggestion = NameSuggester.Closest(reference, ids);
                    var hint = suggestion is null ? string.Empty : $"; did you mean `{suggestion}`?";
                    throw new SegmentRuleException(new SegmentRuleError(
                        SegmentRuleErrorCode.UnknownSegment,
                        null,
                        null,
                        $"segment `{id}` refers to unknown segment `{reference}`{hint}",
                        "a defined segment id",
                        suggestion));
                }
            }
        }

        FindCycle(ids, dependencies);
        return new SegmentDependencyGraph(dependencies, TopologicalOrder(ids, dependencies));
    }

    /// <summary>The segments <paramref name="segmentId"/> refers to directly.</summary>
    public IReadOnlySet<string> DependenciesOf(string segmentId) =>
        _dependencies.TryGetValue(segmentId, out var set) ? set : throw new KeyNotFoundException($"Unknown segment `{segmentId}`.");

    /// <summary>The segments that refer to <paramref name="segmentId"/> directly or through others, in evaluation order.</summary>
    public IReadOnlyList<string> DependentsOf(string segmentId)
    {
        if (!_dependencies.ContainsKey(segmentId))
        {
            throw new KeyNotFoundException($"Unknown segment `{segmentId}`.");
        }

        var affected = new HashSet<string>(StringComparer.Ordinal) { segmentId };
        foreach (var id in EvaluationOrder.Skip(_position[segmentId] + 1))
        {
            if (_dependencies[id].Any(affected.Contains))
            {
                affected.Add(id);
            }
        }

        affected.Remove(segmentId);
        return EvaluationOrder.Where(affected.Contains).ToList();
    }

    private static void FindCycle(List<string> ids, Dictionary<string, IReadOnlySet<string>> dependencies)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var id in ids)
        {
            Visit(id);
        }

        void Visit(string id)
        {
            if (state.GetValueOrDefault(id) == 2)
            {
                return;
            }

            state[id] = 1;
            stack.Add(id);
            foreach (var reference in dependencies[id])
            {
                if (state.GetValueOrDefault(reference) == 1)
                {
                    throw CycleError(stack[stack.IndexOf(reference)..]);
                }

                Visit(reference);
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }
    }

    private static SegmentRuleException CycleError(List<string> cycle)
    {
        var description = cycle.Count == 1
            ? $"segment `{cycle[0]}` refers to itself: in_segment(\"{cycle[0]}\")"
            : $"segments refer to each other in a cycle: {string.Join(" -> ", cycle.Append(cycle[0]).Select(id => $"`{id}`"))}";
        return new SegmentRuleException(new SegmentRuleError(SegmentRuleErrorCode.Cycle, null, null, description));
    }

    private static List<string> TopologicalOrder(List<string> ids, Dictionary<string, IReadOnlySet<string>> dependencies)
    {
        var remaining = ids.ToDictionary(id => id, id => dependencies[id].Count, StringComparer.Ordinal);
        var dependents = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var id in ids)
        {
            foreach (var reference in dependencies[id])
            {
                dependents[reference].Add(id);
            }
        }

        var ready = new SortedSet<string>(ids.Where(id => remaining[id] == 0), StringComparer.Ordinal);
        var order = new List<string>(ids.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var dependent in dependents[next])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Add(dependent);
                }
            }
        }

        return order;
    }
}
