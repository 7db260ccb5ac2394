namespace Segmentation.TestKit;

/// <summary>One time a timer of a <see cref="FakeTimeProvider"/> was scheduled: its due time, period, and the clock then.</summary>
public sealed record ScheduledTimer(TimeSpan DueTime, TimeSpan Period, DateTimeOffset ScheduledAt)
{
    public bool IsOneShot => Period == Timeout.InfiniteTimeSpan || Period == TimeSpan.Zero;
}
