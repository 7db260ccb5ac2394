namespace Segmentation.Benchmarks.Triggers;

/// <summary>Due instants spread evenly from <paramref name="Start"/>: <paramref name="PerSecond"/> a second, the <c>i</c>-th at <c>Start + i / PerSecond</c>.</summary>
public readonly record struct DueSchedule(DateTimeOffset Start, int PerSecond)
{
    public DateTimeOffset DueAt(int index) => Start.AddTicks(index * TimeSpan.TicksPerSecond / PerSecond);

    /// <summary>The instant after the last of <paramref name="count"/> due instants.</summary>
    public DateTimeOffset End(int count) => DueAt(count);
}
