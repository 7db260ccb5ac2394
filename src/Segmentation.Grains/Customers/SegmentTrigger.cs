using Segmentation.Tracking;

namespace Segmentation.Grains.Customers;

/// <summary>
/// What makes a customer evaluate its segments: the instant to evaluate at (a tracking call's receive time, a
/// reminder's due time, otherwise the record's time) and the cause its deltas carry.
/// </summary>
internal readonly record struct SegmentTrigger(DateTimeOffset Instant, string Cause)
{
    /// <summary>The cause of a window running out (a reminder firing).</summary>
    public const string TimeCause = "time";

    /// <summary>The cause of a backfill's evaluation after a definition was saved.</summary>
    public const string DefinitionCause = "definition";

    /// <summary>A tracking call: its receive time; its event name for a track call, otherwise its type (<c>identify</c>, <c>page</c>...).</summary>
    public static SegmentTrigger Of(TrackingMessage message) => new(
        message.ReceivedAt,
        message.Type switch
        {
            TrackingMessageType.Track when message.Event is { } name => name,
            TrackingMessageType.Identify => "identify",
            TrackingMessageType.Page => "page",
            TrackingMessageType.Screen => "screen",
            TrackingMessageType.Group => "group",
            TrackingMessageType.Alias => "alias",
            _ => "track",
        });
}
