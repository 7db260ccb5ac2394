using Segmentation.Segments.Evaluation;
using Segmentation.Tracking;

namespace Segmentation.Grains.Customers;

/// <summary>
/// What makes a customer evaluate its segments: the instant to evaluate at (a tracking call's receive time, a
/// reminder's due time, otherwise the record's time), the cause its deltas carry, and what it can have changed
/// (everything unless told: a merge, a link, a reminder, a backfill's evaluation).
/// </summary>
internal readonly record struct SegmentTrigger(DateTimeOffset Instant, string Cause)
{
    /// <summary>What the record can have changed, for the segments to evaluate (<see cref="SegmentInputChange.Everything"/> unless set).</summary>
    public SegmentInputChange Inputs { get; init; }

    /// <summary>The cause of a window running out (a reminder firing).</summary>
    public const string TimeCause = "time";

    /// <summary>The cause of a backfill's evaluation after a definition was saved.</summary>
    public const string DefinitionCause = "definition";

    /// <summary>
    /// A tracking call: its receive time; its event name for a track call, otherwise its type (<c>identify</c>,
    /// <c>page</c>...); the parts of the profile it can have changed.
    /// </summary>
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
        })
    {
        Inputs = SegmentInputChange.Of(message),
    };
}
