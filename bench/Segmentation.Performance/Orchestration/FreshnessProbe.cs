using System.Diagnostics;
using Segmentation.LoadGenerator.Measurement;
using Segmentation.Performance.Reporting;

namespace Segmentation.Performance.Orchestration;

/// <summary>
/// Measures segment freshness: sends probe events (each a new customer's <c>Latency Probe</c>) and polls the probe
/// segment's count; when the count grows, the oldest uncounted probes are counted, each from its send to that poll.
/// With one probe in flight (the silo) that is exact; with probes sent on an interval (the baseline, whose counts move
/// only at a refresh) every probe acknowledged before the refresh's snapshot is counted by it, oldest first.
/// <c>sendProbeAsync</c> sends the probe of a new customer id and says whether it was acknowledged
/// (<see cref="TrackingPoster.ProbeAsync"/>); <c>readCountAsync</c> reads the probe segment's count.
/// </summary>
internal sealed class FreshnessProbe(
    Func<string, CancellationToken, Task<bool>> sendProbeAsync, Func<CancellationToken, Task<long>> readCountAsync, ProbeSchedule schedule)
{
    /// <summary>Probes for <paramref name="duration"/>, then waits for the last ones at most the schedule's wait.</summary>
    public async Task<FreshnessResult> RunAsync(string runPrefix, TimeSpan duration, double backgroundRate, CancellationToken cancellationToken)
    {
        var histogram = new LatencyHistogram();
        var sentAt = new Queue<long>();
        var initial = await readCountAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var nextSend = TimeSpan.Zero;
        long sent = 0;
        long counted = 0;
        while (true)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed < duration && sent - counted < schedule.MaxInFlight && elapsed >= nextSend)
            {
                var id = $"{runPrefix}-probe-{sent}";
                var probeStart = Stopwatch.GetTimestamp();
                if (await sendProbeAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    sentAt.Enqueue(probeStart);
                    sent++;
                }

                nextSend = Stopwatch.GetElapsedTime(started) + schedule.Interval;
            }

            var count = await readCountAsync(cancellationToken).ConfigureAwait(false) - initial;
            var now = Stopwatch.GetTimestamp();
            while (counted < count && sentAt.Count > 0)
            {
                histogram.RecordNanoseconds((long)Stopwatch.GetElapsedTime(sentAt.Dequeue(), now).TotalNanoseconds);
                counted++;
            }

            if ((elapsed >= duration && counted >= sent) || elapsed >= duration + schedule.Wait)
            {
                break;
            }

            await Task.Delay(schedule.PollInterval, cancellationToken).ConfigureAwait(false);
        }

        var summary = histogram.Summarize();
        return new FreshnessResult(summary.Count, sent - counted, summary.P50Ms, summary.P99Ms, summary.MaxMs, backgroundRate);
    }
}
