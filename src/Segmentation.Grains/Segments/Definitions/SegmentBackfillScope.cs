using Segmentation.Segments.Evaluation;

namespace Segmentation.Grains.Segments;

/// <summary>
/// The segments of a <see cref="SegmentDefinitionSet"/> whose memberships a new version of one segment can change: that
/// segment and every segment that refers to it, directly or through others, in the set's order. Their rules are
/// compiled to evaluate on their own; an <c>in_segment</c> condition naming a segment outside the scope reads the
/// customer's stored membership of it.
/// </summary>
internal sealed class SegmentBackfillScope
{
    private SegmentBackfillScope(int[] indices, CompiledSegmentSet rules)
    {
        Indices = indices;
        Rules = rules;
    }

    /// <summary>The positions of the scope's segments in the set's <see cref="SegmentDefinitionSet.Segments"/>, in order.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>The scope's rules, in the order of <see cref="Indices"/>.</summary>
    public CompiledSegmentSet Rules { get; }

    /// <summary>The scope of segment <paramref name="id"/>, which the set must have.</summary>
    public static SegmentBackfillScope Of(SegmentDefinitionSet set, string id)
    {
        var start = set.IndexOf(id);
        if (start < 0)
        {
            throw new ArgumentException($"The definitions have no segment `{id}`.", nameof(id));
        }

        // The set comes in dependency order, so one pass from the segment finds everything that depends on it.
        var changed = new HashSet<string>(StringComparer.Ordinal) { id };
        var indices = new List<int> { start };
        for (var i = start + 1; i < set.Segments.Count; i++)
        {
            var segment = set.Segments[i];
            if (segment.Rule.ReferencedSegments.Overlaps(changed))
            {
                changed.Add(segment.Id);
                indices.Add(i);
            }
        }

        return new SegmentBackfillScope(
            [.. indices],
            new CompiledSegmentSet([.. indices.Select(i => KeyValuePair.Create(set.Segments[i].Id, set.Segments[i].Rule))]));
    }
}
