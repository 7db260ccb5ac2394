using Segmentation.Domain.Lifecycle;
using Segmentation.Domain.Rfm;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// The instants after an evaluation's as-of at which the RFM scores or the lifecycle stage can change by time alone
/// (a recency cut point crossed at a UTC midnight, an inactivity or new-customer threshold reached), each with the
/// scores and stage from then on. Found as far as asked, the scores and stage computed where asked, and shared by every
/// condition of one evaluation. There are at most four recency changes and three lifecycle thresholds.
/// </summary>
internal sealed class StageSchedule
{
    private const int RecencyChanges = 4;
    private const int Thresholds = 3;
    private const int Capacity = RecencyChanges + Thresholds;

    private readonly long[] _ticks = new long[Capacity];
    private readonly RfmScores?[] _rfm = new RfmScores?[Capacity];
    private readonly LifecycleStage[] _stages = new LifecycleStage[Capacity];
    private readonly bool[] _known = new bool[Capacity];
    private readonly long[] _thresholds = new long[Thresholds];
    private readonly EvaluationCache _cache;
    private long _asOf;
    private long _nextRecency;
    private int _thresholdCount;
    private int _nextThreshold;
    private int _count;
    private bool _started;

    public StageSchedule(EvaluationCache cache)
    {
        _cache = cache;
    }

    /// <summary>Forgets the previous evaluation's changes; the next ones are found after <paramref name="asOfTicks"/>.</summary>
    public void Reset(long asOfTicks)
    {
        _asOf = asOfTicks;
        _count = 0;
        _started = false;
    }

    /// <summary>The instant of the change at <paramref name="index"/>, in time order; false when there are fewer changes.</summary>
    public bool TryGetInstant(int index, out long ticks)
    {
        if (!_started)
        {
            Start();
        }

        while (index >= _count && Extend())
        {
        }

        ticks = index < _count ? _ticks[index] : 0;
        return index < _count;
    }

    /// <summary>The RFM scores from the change at <paramref name="index"/> on (once <see cref="TryGetInstant"/> found it).</summary>
    public RfmScores? RfmAt(int index)
    {
        Know(index);
        return _rfm[index];
    }

    /// <summary>The lifecycle stage from the change at <paramref name="index"/> on (once <see cref="TryGetInstant"/> found it).</summary>
    public LifecycleStage StageAt(int index)
    {
        Know(index);
        return _stages[index];
    }

    private void Start()
    {
        _nextRecency = NextRecencyChange(_asOf);
        Span<DateTimeOffset> thresholds = stackalloc DateTimeOffset[Thresholds];
        _thresholdCount = LifecycleClassifier.ChangeCandidates(_cache.Profile, _cache.Context.LifecycleOptions, thresholds);
        for (var i = 0; i < _thresholdCount; i++)
        {
            _thresholds[i] = thresholds[i].UtcTicks;
        }

        _nextThreshold = 0;
        while (_nextThreshold < _thresholdCount && _thresholds[_nextThreshold] <= _asOf)
        {
            _nextThreshold++;
        }

        _started = true;
    }

    /// <summary>Appends the next change; false when there is none.</summary>
    private bool Extend()
    {
        var threshold = _nextThreshold < _thresholdCount ? _thresholds[_nextThreshold] : long.MaxValue;
        var next = Math.Min(_nextRecency, threshold);
        if (next == long.MaxValue)
        {
            return false;
        }

        if (_count == Capacity)
        {
            throw new InvalidOperationException("The RFM scores and lifecycle stage changed more often than their thresholds allow.");
        }

        if (next == _nextRecency)
        {
            _nextRecency = NextRecencyChange(next);
        }

        while (_nextThreshold < _thresholdCount && _thresholds[_nextThreshold] <= next)
        {
            _nextThreshold++;
        }

        _ticks[_count] = next;
        _known[_count] = false;
        _count++;
        return true;
    }

    private void Know(int index)
    {
        if (_known[index])
        {
            return;
        }

        var at = new DateTimeOffset(_ticks[index], TimeSpan.Zero);
        var scores = _cache.Context.RfmCutPoints is { } cutPoints && _cache.RfmInput is { } input ? cutPoints.Score(input, at) : (RfmScores?)null;
        _rfm[index] = scores;
        _stages[index] = LifecycleClassifier.Classify(_cache.Profile, at, _cache.Context.LifecycleOptions, scores?.Cell);
        _known[index] = true;
    }

    private long NextRecencyChange(long after) =>
        _cache.Context.RfmCutPoints is { } cutPoints && _cache.RfmInput is { } input
            && cutPoints.NextScoreChange(input, new DateTimeOffset(after, TimeSpan.Zero)) is { } next
            ? next.UtcTicks
            : long.MaxValue;
}
