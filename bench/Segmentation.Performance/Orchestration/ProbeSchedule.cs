namespace Segmentation.Performance.Orchestration;

/// <summary>How a <see cref="FreshnessProbe"/> paces its probes and polls.</summary>
/// <param name="MaxInFlight">Probes sent and not yet counted at most.</param>
/// <param name="Interval">The least time between two probes.</param>
/// <param name="PollInterval">The pause between two reads of the count.</param>
/// <param name="Wait">After the last probe, how long its count may take before it is reported unseen.</param>
public sealed record ProbeSchedule(int MaxInFlight, TimeSpan Interval, TimeSpan PollInterval, TimeSpan Wait)
{
    /// <summary>The silo: one probe at a time, 20 ms apart, the count read every 2 ms.</summary>
    public static ProbeSchedule OneAtATime { get; } = new(1, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(2), TimeSpan.FromSeconds(10));

    /// <summary>The baseline: a probe every 100 ms whatever its count does, until a refresh after the last.</summary>
    public static ProbeSchedule Continuous(TimeSpan refreshInterval) =>
        new(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(5), refreshInterval * 2 + TimeSpan.FromSeconds(10));
}
