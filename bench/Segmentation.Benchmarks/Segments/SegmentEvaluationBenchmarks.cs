using BenchmarkDotNet.Attributes;
using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Grains.Segments;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// What a customer grain does for its segments after each event, with the 16 starter segments or 100 active segments:
/// evaluate every rule in dependency order, compare with the stored memberships (deltas), and find the earliest next
/// change of the time-dependent rules for the reminder (<see cref="SegmentMembershipEvaluator"/>).
/// <see cref="EvaluateOnly"/> is the rules alone.
/// </summary>
[Config(typeof(SingleCoreConfig))]
[MemoryDiagnoser]
public class SegmentEvaluationBenchmarks
{
    private readonly Dictionary<string, SegmentMembershipEntry> _memberships = new(StringComparer.Ordinal);
    private readonly List<SegmentMembershipChange> _changes = [];
    private bool[] _results = null!;
    private SegmentDefinitionSet _set = null!;
    private CompiledSegmentRule[] _rules = null!;
    private CustomerProfile _profile = null!;
    private RfmCutPoints _cutPoints = null!;
    private DateTimeOffset _asOf;

    /// <summary>The starter segments alone, or the starters and 84 marketing rules.</summary>
    [Params(16, 100)]
    public int Segments { get; set; }

    /// <summary>The shopper's events over 60 days: a typical customer, and a heavy one.</summary>
    [Params(20, 300)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _asOf = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        _profile = BenchSegments.Profile(_asOf, Events);
        var ids = BenchSegments.Drafts().Take(Segments).Select(static d => d.Id).ToHashSet(StringComparer.Ordinal);
        _set = new SegmentDefinitionSet(1, BenchSegments.Set().Segments.Where(s => ids.Contains(s.Id)));
        _rules = [.. _set.Segments.Select(static s => s.Rule)];
        _results = new bool[_rules.Length];
        _cutPoints = RfmCutPoints.Fixed(new RfmOptions());
        _memberships.Clear();
        PerEvent();
        Console.WriteLine($"// {_set.Segments.Count} segments, {_set.Segments.Count(static s => s.Rule.IsTimeDependent)} time-dependent; the shopper is in {_memberships.Count}");
    }

    /// <summary>The grain's per-event work: evaluation, delta detection, next change of the time-dependent rules.</summary>
    [Benchmark]
    public DateTimeOffset? PerEvent()
    {
        _changes.Clear();
        var context = new SegmentEvaluationContext(_asOf) { RfmCutPoints = _cutPoints, LifecycleOptions = LifecycleOptions.Default };
        return SegmentMembershipEvaluator.Evaluate(_set, _profile, context, _memberships, _changes);
    }

    /// <summary>The rules evaluated in one pass, nothing else (no in_segment results, no deltas, no next change).</summary>
    [Benchmark(Baseline = true)]
    public bool EvaluateOnly()
    {
        var context = new SegmentEvaluationContext(_asOf) { RfmCutPoints = _cutPoints, LifecycleOptions = LifecycleOptions.Default };
        CompiledSegmentRule.EvaluateAll(_rules, _profile, context, _results);
        return _results[0];
    }
}
