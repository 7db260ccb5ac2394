using System.Numerics;

namespace Segmentation.LoadGenerator.Measurement;

/// <summary>
/// A log-linear latency histogram from 1 µs to 60 s: every power of two is split into 128 equal buckets, so a
/// reported percentile is at most 1/128 (0.8 %) above the true value. Values outside the range are counted in the
/// first or last bucket; the exact minimum, maximum and sum are kept besides. Histograms merge by adding counts.
/// Not thread-safe: one writer at a time (see <see cref="LoadMeter"/>, which records under a lock).
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>The smallest value with its own bucket: 1 µs.</summary>
    public const long LowestNanoseconds = 1_000;

    /// <summary>The largest value with its own bucket: 60 s.</summary>
    public const long HighestNanoseconds = 60_000_000_000;

    /// <summary>Linear buckets per power of two, as a power of two.</summary>
    public const int SubBucketBits = 7;

    private const int SubBucketCount = 1 << SubBucketBits;
    private static readonly int LowestOctave = BitOperations.Log2(LowestNanoseconds);
    private static readonly int BucketCount = IndexOf(HighestNanoseconds) + 1;

    private readonly long[] _counts = new long[BucketCount];
    private long _count;
    private long _sumNanoseconds;
    private long _minNanoseconds = long.MaxValue;
    private long _maxNanoseconds;

    /// <summary>How many values were recorded.</summary>
    public long Count => _count;

    /// <summary>The smallest value recorded (exact), or zero when empty.</summary>
    public long MinNanoseconds => _count == 0 ? 0 : _minNanoseconds;

    /// <summary>The largest value recorded (exact), or zero when empty.</summary>
    public long MaxNanoseconds => _maxNanoseconds;

    /// <summary>The mean of the values recorded (exact), or zero when empty.</summary>
    public double MeanNanoseconds => _count == 0 ? 0 : (double)_sumNanoseconds / _count;

    /// <summary>Records one latency.</summary>
    public void Record(TimeSpan latency) => RecordNanoseconds(latency.Ticks * 100);

    /// <summary>Records one latency in nanoseconds; negative values count as zero.</summary>
    public void RecordNanoseconds(long nanoseconds)
    {
        nanoseconds = Math.Max(0, nanoseconds);
        _counts[IndexOf(nanoseconds)]++;
        _count++;
        _sumNanoseconds += nanoseconds;
        _minNanoseconds = Math.Min(_minNanoseconds, nanoseconds);
        _maxNanoseconds = Math.Max(_maxNanoseconds, nanoseconds);
    }

    /// <summary>
    /// The smallest bucket bound at or below which at least <paramref name="percentile"/> percent of the values lie:
    /// the highest value of the bucket holding that rank, capped by the exact maximum (and raised to the exact
    /// minimum). Zero when empty; 100 gives the exact maximum.
    /// </summary>
    public long PercentileNanoseconds(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (_count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * _count));
        long cumulative = 0;
        for (var index = 0; index < _counts.Length; index++)
        {
            cumulative += _counts[index];
            if (cumulative >= rank)
            {
                // The last bucket also holds everything above the range: its honest bound is the exact maximum.
                return index == _counts.Length - 1 ? _maxNanoseconds : Math.Clamp(HighestValueOf(index), _minNanoseconds, _maxNanoseconds);
            }
        }

        return _maxNanoseconds;
    }

    /// <summary>As <see cref="PercentileNanoseconds"/>, as a <see cref="TimeSpan"/> (rounded down to 100 ns).</summary>
    public TimeSpan Percentile(double percentile) => TimeSpan.FromTicks(PercentileNanoseconds(percentile) / 100);

    /// <summary>Adds every value of <paramref name="other"/> to this histogram.</summary>
    public void Merge(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._count == 0)
        {
            return;
        }

        for (var index = 0; index < _counts.Length; index++)
        {
            _counts[index] += other._counts[index];
        }

        _count += other._count;
        _sumNanoseconds += other._sumNanoseconds;
        _minNanoseconds = Math.Min(_minNanoseconds, other._minNanoseconds);
        _maxNanoseconds = Math.Max(_maxNanoseconds, other._maxNanoseconds);
    }

    /// <summary>A copy of this histogram.</summary>
    public LatencyHistogram Clone()
    {
        var copy = new LatencyHistogram();
        copy.Merge(this);
        return copy;
    }

    /// <summary>Forgets every value.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        _count = 0;
        _sumNanoseconds = 0;
        _minNanoseconds = long.MaxValue;
        _maxNanoseconds = 0;
    }

    /// <summary>Count, mean, p50, p90, p99, p99.9 and the extremes, in milliseconds.</summary>
    public LatencySummary Summarize() => new()
    {
        Count = _count,
        MinMs = ToMilliseconds(MinNanoseconds),
        MeanMs = MeanNanoseconds / 1_000_000,
        P50Ms = ToMilliseconds(PercentileNanoseconds(50)),
        P90Ms = ToMilliseconds(PercentileNanoseconds(90)),
        P99Ms = ToMilliseconds(PercentileNanoseconds(99)),
        P999Ms = ToMilliseconds(PercentileNanoseconds(99.9)),
        MaxMs = ToMilliseconds(MaxNanoseconds),
    };

    /// <summary>The lowest value counted in the same bucket as <paramref name="nanoseconds"/>.</summary>
    public static long LowestEquivalentNanoseconds(long nanoseconds) => LowestValueOf(IndexOf(nanoseconds));

    /// <summary>The highest value counted in the same bucket as <paramref name="nanoseconds"/>.</summary>
    public static long HighestEquivalentNanoseconds(long nanoseconds) => HighestValueOf(IndexOf(nanoseconds));

    private static double ToMilliseconds(long nanoseconds) => nanoseconds / 1_000_000.0;

    private static int IndexOf(long nanoseconds)
    {
        var value = Math.Clamp(nanoseconds, LowestNanoseconds, HighestNanoseconds);
        var octave = BitOperations.Log2((ulong)value);
        var subBucket = (int)(value >> (octave - SubBucketBits)) - SubBucketCount;
        return ((octave - LowestOctave) * SubBucketCount) + subBucket;
    }

    private static long LowestValueOf(int index)
    {
        var octave = (index / SubBucketCount) + LowestOctave;
        var subBucket = index % SubBucketCount;
        return (long)(SubBucketCount + subBucket) << (octave - SubBucketBits);
    }

    private static long HighestValueOf(int index)
    {
        var octave = (index / SubBucketCount) + LowestOctave;
        return LowestValueOf(index) + (1L << (octave - SubBucketBits)) - 1;
    }
}
