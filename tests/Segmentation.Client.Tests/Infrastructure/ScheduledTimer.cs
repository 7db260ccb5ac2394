namespace Segmentation.Client.Tests.Infrastructure;

/// <summary>A timer being scheduled on a <see cref="ManualTimeProvider"/>: due after <paramref name="DueTime"/>.</summary>
public sealed record ScheduledTimer(TimeSpan DueTime, TimeSpan Period, DateTimeOffset ScheduledAt)
{
    public bool IsOneShot => Period == Timeout.InfiniteTimeSpan || Period == TimeSpan.Zero;
}
