using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Rfm;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// What a customer keeps of its last evaluation of a <see cref="CompiledSegmentSet"/> so the next one can evaluate only
/// the rules an event can have changed: the set, the RFM cut points and lifecycle options it was evaluated with, its
/// instant, its next change and which rule gave that change. The default knows nothing (the next evaluation is whole).
/// Kept in memory only; a restored customer starts from the default.
/// </summary>
public struct SegmentSetMemo
{
    internal SegmentSetMemo(CompiledSegmentSet set, RfmCutPoints? cutPoints, LifecycleOptions lifecycle, long evaluatedAt, long nextChange, int source)
    {
        Set = set;
        CutPoints = cutPoints;
        Lifecycle = lifecycle;
        EvaluatedAt = evaluatedAt;
        NextChange = nextChange;
        Source = source;
    }

    /// <summary>The set last evaluated; null when nothing is known.</summary>
    internal CompiledSegmentSet? Set { get; }

    internal RfmCutPoints? CutPoints { get; }

    internal LifecycleOptions? Lifecycle { get; }

    /// <summary>The instant of the last evaluation (UTC ticks).</summary>
    internal long EvaluatedAt { get; }

    /// <summary>The set's next change after it (UTC ticks); <see cref="long.MaxValue"/> for none.</summary>
    internal long NextChange { get; }

    /// <summary>The index of the rule whose next change is <see cref="NextChange"/>; -1 for none.</summary>
    internal int Source { get; }

    /// <summary>True when the next evaluation will be whole.</summary>
    public readonly bool IsEmpty => Set is null;
}
