using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles;

/// <summary>Event counts per track event name (custom names too) and per call type.</summary>
public sealed partial class CustomerProfile
{
    /// <summary>How many track events with this exact name were applied.</summary>
    public int GetEventCount(string eventName) => Tally.Get(eventName)?.Count ?? 0;

    /// <summary>Count and first/last time of a track event name; null when never seen.</summary>
    public EventStats? GetEventStats(string eventName) => Tally.Get(eventName);

    /// <summary>Every track event name seen, ordered by name.</summary>
    public IReadOnlyList<EventStats> GetAllEventStats() => Tally.All();

    /// <summary>How many calls of a type (track, identify, page...) were applied.</summary>
    public int GetCallCount(TrackingMessageType type) => Tally.CallCount((int)type);
}
