using System.Text.Json.Nodes;
using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>A message with its fold key and its classification, computed once per apply.</summary>
internal readonly struct ProfileEvent
{
    public ProfileEvent(TrackingMessage message)
    {
        Message = message;
        Key = new EventKey(message.Timestamp.UtcTicks, message.MessageId);
        Known = message.Type == TrackingMessageType.Track ? KnownEvents.Classify(message.Event) : KnownEvent.Custom;
    }

    public TrackingMessage Message { get; }

    public EventKey Key { get; }

    public KnownEvent Known { get; }

    public long Ticks => Key.Ticks;

    public JsonObject? Properties => Message.Properties;

    /// <summary>A visit to the shop: page and screen calls, and track events that are neither email nor back office.</summary>
    public bool IsSiteActivity => Message.Type is TrackingMessageType.Page or TrackingMessageType.Screen
        || (Message.Type == TrackingMessageType.Track && !KnownEvents.IsSystemEvent(Known) && !KnownEvents.IsEmailEngagement(Known));

    /// <summary>The customer's own activity: site activity and email opens and clicks.</summary>
    public bool IsActivity => IsSiteActivity || (Message.Type == TrackingMessageType.Track && KnownEvents.IsEmailEngagement(Known));
}
