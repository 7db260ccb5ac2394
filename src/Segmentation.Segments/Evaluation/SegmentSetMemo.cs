using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Rfm;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// What a customer keeps of its last evaluation of a <see cref="CompiledSegmentSet"/> so the next one can evaluate only
/// the rules an event can have changed: the set, the RFM cut points and lifecycle options it was evaluated with, its
/// instant, and its two earliest next changes with the rules that gave them (every other rule changes no earlier than
/// the second). The default knows nothing (the next evaluation is whole).
/// Kept in memory only; a restored customer starts from the default.
/// </summary>
public readonly struct SegmentSetMemo
{
    internal SegmentSetMemo(CompiledSegmentSet set, RfmCutPoints? cutPoints, LifecycleOptions lifecycle, long evaluatedAt, EarliestChanges earliest)
    {
        Set = set;
        CutPoints = cutPoints;
        Lifecycle = lifecycle;
        EvaluatedAt = evaluatedAt;
        Earliest = earliest;
    }

    /// <summary>The set last evaluated; null when nothing is known.</summary>
    internal CompiledSegmentSet? Set { get; }

    internal RfmCutPoints? CutPoints { get; }

    internal LifecycleOptions? Lifecycle { get; }

    /// <summary>The instant of the last evaluation (UTC ticks).</summary>
    internal long EvaluatedAt { get; }

    /// <summary>The two earliest next changes after it, with their rules; the first is the set's next change.</summary>
    internal EarliestChanges Earliest { get; }
}
