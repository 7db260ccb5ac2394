namespace Segmentation.Runtime.Reminders;

/// <summary>
/// How late reminder firings reach their grains: the time from a reminder's due time to the start of the turn that
/// delivers it. Counted per millisecond up to <see cref="ExactRange"/>; later firings are counted together and
/// reported by the exact maximum. Thread-safe and lock-free: grains of every partition record at once.
/// </summary>
internal sealed class ReminderLateness
{
    /// <summary>Lateness up to this is counted to the millisecond.</summary>
    public static readonly TimeSpan ExactRange = TimeSpan.FromSeconds(10);

    private static readonly int ExactBuckets = (int)ExactRange.TotalMilliseconds;

    // One counter per whole millisecond of lateness below the range, then one for everything at or above it.
    private readonly long[] _counts = new long[ExactBuckets + 1];
    private long _maxTicks;

    /// <summary>Counts one delivery <paramref name="lateness"/> after its due time; early deliveries count as zero.</summary>
    public void Record(TimeSpan lateness)
    {
        var ticks = Math.Max(0, lateness.Ticks);
        var bucket = (int)Math.Min(ticks / TimeSpan.TicksPerMillisecond, ExactBuckets);
        Interlocked.Increment(ref _counts[bucket]);
        var max = Volatile.Read(ref _maxTicks);
        while (ticks > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxTicks, ticks, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The count, median, 99th percentile and maximum of what was recorded so far.</summary>
    public ReminderLatenessSummary Summarize()
    {
        var counts = new long[_counts.Length];
        for (var bucket = 0; bucket < counts.Length; bucket++)
        {
            counts[bucket] = Volatile.Read(ref _counts[bucket]);
        }

        var max = TimeSpan.FromTicks(Volatile.Read(ref _maxTicks));
        var total = counts.Sum();
        return new ReminderLatenessSummary(total, Percentile(counts, total, 50, max), Percentile(counts, total, 99, max), max);
    }

    /// <summary>The upper bound of the millisecond holding the rank, capped by the maximum; the maximum past the exact range.</summary>
    private static TimeSpan Percentile(long[] counts, long total, int percent, TimeSpan max)
    {
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(total * percent / 100.0));
        long cumulative = 0;
        for (var bucket = 0; bucket < ExactBuckets; bucket++)
        {
            cumulative += counts[bucket];
            if (cumulative >= rank)
            {
                var bound = TimeSpan.FromMilliseconds(bucket + 1);
                return bound < max ? bound : max;
            }
        }

        return max;
    }
}
