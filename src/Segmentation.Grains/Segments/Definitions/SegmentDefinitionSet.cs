using System.Collections.Concurrent;
using Segmentation.Segments.Dependencies;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// Every saved segment, compiled, in evaluation order: by level, where a level's rules refer only to segments of
/// earlier levels (level 0 refers to none), ids in ordinal order within a level. Immutable, so a customer grain
/// evaluates against one whole set even while the catalog publishes the next.
/// </summary>
public sealed class SegmentDefinitionSet
{
    private readonly Dictionary<string, int> _index;
    private readonly ConcurrentDictionary<string, SegmentBackfillScope> _backfillScopes = new(StringComparer.Ordinal);

    /// <summary>Builds the set; the definitions must form a valid dependency graph (the catalog checked it on save).</summary>
    /// <exception cref="Segmentation.Segments.SegmentRuleException">A reference to an unknown segment, or a cycle.</exception>
    public SegmentDefinitionSet(long revision, IEnumerable<ActiveSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var byId = segments.ToDictionary(static s => s.Id, StringComparer.Ordinal);
        var graph = SegmentDependencyGraph.Build(byId.ToDictionary(static p => p.Key, static p => p.Value.Rule.Rule, StringComparer.Ordinal));
        var levelOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in graph.EvaluationOrder)
        {
            levelOf[id] = graph.DependenciesOf(id).Select(reference => levelOf[reference] + 1).DefaultIfEmpty(0).Max();
        }

        Revision = revision;
        Segments = [.. graph.EvaluationOrder.Order(StringComparer.Ordinal).OrderBy(id => levelOf[id]).Select(id => byId[id])];
        _index = Segments.Select(static (s, i) => (s.Id, i)).ToDictionary(static p => p.Id, static p => p.i, StringComparer.Ordinal);
        Rules = new CompiledSegmentSet([.. Segments.Select(static s => KeyValuePair.Create(s.Id, s.Rule))]);
    }

    public static SegmentDefinitionSet Empty { get; } = new(0, []);

    /// <summary>Grows with every change of the catalog; a cache keeps the highest it was given.</summary>
    public long Revision { get; }

    /// <summary>Every segment, each after the segments it refers to.</summary>
    public IReadOnlyList<ActiveSegment> Segments { get; }

    /// <summary>The rules of <see cref="Segments"/>, in the same order, evaluated together.</summary>
    public CompiledSegmentSet Rules { get; }

    public bool TryGet(string id, out ActiveSegment segment)
    {
        var index = IndexOf(id);
        segment = index >= 0 ? Segments[index] : null!;
        return index >= 0;
    }

    /// <summary>
    /// What a backfill of the segment <paramref name="id"/> can change: it and every segment that refers to it, directly
    /// or through others (built once per set).
    /// </summary>
    internal SegmentBackfillScope BackfillScopeOf(string id) =>
        _backfillScopes.GetOrAdd(id, static (id, set) => SegmentBackfillScope.Of(set, id), this);

    /// <summary>The position of the segment in <see cref="Segments"/> and <see cref="Rules"/>; -1 when the set does not have it.</summary>
    internal int IndexOf(string id) => _index.TryGetValue(id, out var index) ? index : -1;
}
