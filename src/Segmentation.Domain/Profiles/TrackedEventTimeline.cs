using Segmentation.Domain.Profiles.State;

namespace Segmentation.Domain.Profiles;

/// <summary>
/// The track events of one name within the window retention, oldest first (by time, then message id). A
/// read-only view over the profile's timeline: valid until the next change to the profile.
/// </summary>
public readonly struct TrackedEventTimeline
{
    private readonly TimedBuffer<TimelineEntry>? _buffer;

    internal TrackedEventTimeline(TimedBuffer<TimelineEntry>? buffer)
    {
        _buffer = buffer;
    }

    public int Count => _buffer?.Count ?? 0;

    public TrackedEvent this[int index] => _buffer is { } buffer && (uint)index < (uint)buffer.Count
        ? new TrackedEvent(buffer[index])
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The UTC ticks of the event at <paramref name="index"/>.</summary>
    public long TicksAt(int index) => _buffer is { } buffer && (uint)index < (uint)buffer.Count
        ? buffer.TicksAt(index)
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The number of events at or before <paramref name="ticks"/> (UTC ticks).</summary>
    public int CountThrough(long ticks) => _buffer?.CountThrough(ticks) ?? 0;

    /// <summary>The number of events in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>], as UTC ticks.</summary>
    public int CountBetween(long fromExclusive, long toInclusive) => _buffer?.CountBetween(fromExclusive, toInclusive) ?? 0;
}
