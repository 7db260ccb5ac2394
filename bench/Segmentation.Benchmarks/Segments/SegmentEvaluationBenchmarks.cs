using BenchmarkDotNet.Attributes;
using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Rfm;
using Segmentation.Grains.Segments;
using Segmentation.Segments.Evaluation;

namespace Segmentation.Benchmarks.Segments;

/// <summary>
/// What a customer grain does for its segments after each event, with the 16 starter segments or 100 active segments,
/// for a shopper's next event in the load generator's mix (<see cref="LoadGeneratorMix"/>; each invocation takes the
/// next of 256 calls, as the shopper's one-more event a minute to an hour after its last evaluation):
/// <see cref="PerEvent"/> classifies the event, evaluates the segments it can have affected, detects the deltas and
/// keeps the exact next change (<see cref="SegmentMembershipEvaluator"/>); <see cref="WholeEvaluation"/> evaluates every
/// segment for the same events, as the grain did before; <see cref="EvaluateOnly"/> is the rules alone.
/// </summary>
[Config(typeof(SingleCoreConfig))]
[MemoryDiagnoser]
public class SegmentEvaluationBenchmarks
{
    private const int MixSize = 256;

    private readonly List<SegmentMembershipChange> _changes = [];
    private bool[] _results = null!;
    private SegmentDefinitionSet _set = null!;
    private CompiledSegmentRule[] _rules = null!;
    private CustomerProfile _profile = null!;
    private RfmCutPoints _cutPoints = null!;
    private List<SegmentEventStep> _steps = null!;
    private DateTimeOffset _asOf;
    private int _next;

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
        var mix = LoadGeneratorMix.Messages(MixSize);
        _steps = SegmentEventStep.Create(_set, CustomerProfileSerializer.Serialize(_profile), _asOf, mix, _cutPoints);
        var affected = new bool[_set.Segments.Count];
        var counts = _steps.Select(step =>
        {
            _set.Rules.MarkAffected(SegmentInputChange.Of(step.Message), affected);
            return (Name: step.Message.Event ?? step.Message.Type.ToString().ToLowerInvariant(), Count: affected.Count(static a => a));
        }).ToList();
        Console.WriteLine($"// {_set.Segments.Count} segments, {_set.Segments.Count(static s => s.Rule.IsTimeDependent)} time-dependent; {MixSize} calls: {LoadGeneratorMix.Describe(mix)}");
        Console.WriteLine($"// segments a call can affect: {counts.Average(static c => c.Count):F1} on average; "
            + string.Join(", ", counts.GroupBy(static c => c.Name).Select(static g => $"{g.Key} {g.Max(static c => c.Count)}")));
    }

    /// <summary>The grain's per-event work: the segments the event can have affected, delta detection, the exact next change.</summary>
    [Benchmark]
    public DateTimeOffset? PerEvent() => NextStep().Evaluate(_set, _cutPoints, _changes, whole: false);

    /// <summary>The same events with every segment evaluated (the grain's per-event work before it kept a memo).</summary>
    [Benchmark]
    public DateTimeOffset? WholeEvaluation() => NextStep().Evaluate(_set, _cutPoints, _changes, whole: true);

    /// <summary>The rules evaluated in one pass, nothing else (no in_segment results, no deltas, no next change).</summary>
    [Benchmark(Baseline = true)]
    public bool EvaluateOnly()
    {
        var context = new SegmentEvaluationContext(_asOf) { RfmCutPoints = _cutPoints, LifecycleOptions = LifecycleOptions.Default };
        CompiledSegmentRule.EvaluateAll(_rules, _profile, context, _results);
        return _results[0];
    }

    private SegmentEventStep NextStep()
    {
        var step = _steps[_next];
        _next = _next == MixSize - 1 ? 0 : _next + 1;
        return step;
    }
}
