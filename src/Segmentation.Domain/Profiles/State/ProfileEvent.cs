using Segmentation.Tracking;

namespace Segmentation.Domain.Profiles.State;

/// <summary>
/// A message with its fold key, its classification and the members of its properties and context, located once
/// per apply in the message's JSON text (slots on the applier's stack).
/// </summary>
internal readonly ref struct ProfileEvent
{
    public ProfileEvent(TrackingMessage message, Span<Utf8JsonMemberSlot> propertySlots, Span<Utf8JsonMemberSlot> contextSlots)
    {
        Message = message;
        Key = new EventKey(message.Timestamp.UtcTicks, message.MessageId);
        Known = message.Type == TrackingMessageType.Track ? KnownEvents.Classify(message.Event) : KnownEvent.Custom;
        Properties = Utf8JsonMembers.Read(message.PropertiesJson, propertySlots);
        Context = Utf8JsonMembers.Read(message.ContextJson, contextSlots);
    }

    public TrackingMessage Message { get; }

    public EventKey Key { get; }

    public KnownEvent Known { get; }

    public long Ticks => Key.Ticks;

    /// <summary>The members of the call's properties (none when it has none).</summary>
    public Utf8JsonMembers Properties { get; }

    /// <summary>The members of the call's context (none when it has none).</summary>
    public Utf8JsonMembers Context { get; }

    /// <summary>A visit to the shop: page and screen calls, and track events that are neither email nor back office.</summary>
    public bool IsSiteActivity => Message.Type is TrackingMessageType.Page or TrackingMessageType.Screen
        || (Message.Type == TrackingMessageType.Track && !KnownEvents.IsSystemEvent(Known) && !KnownEvents.IsEmailEngagement(Known));

    /// <summary>The customer's own activity: site activity and email opens and clicks.</summary>
    public bool IsActivity => IsSiteActivity || (Message.Type == TrackingMessageType.Track && KnownEvents.IsEmailEngagement(Known));
}
