using System.Text.Json.Nodes;
using Segmentation.Tracking;

namespace Segmentation.Silo.Management;

/// <summary>One tracking call of a customer's timeline, as stored (after clock-skew correction).</summary>
/// <param name="MessageId">The dedupe key the source sent (or the silo generated).</param>
/// <param name="Type">The call type: <c>track</c>, <c>identify</c>, <c>page</c>, <c>screen</c>, <c>group</c> or <c>alias</c>.</param>
/// <param name="Event">The event name of a track call, e.g. <c>Order Completed</c>.</param>
/// <param name="Name">The page or screen name of a page or screen call.</param>
/// <param name="UserId">The known id the call carried.</param>
/// <param name="AnonymousId">The anonymous id the call carried (for merged history, the id it was recorded under).</param>
/// <param name="PreviousId">The earlier id of an alias call.</param>
/// <param name="GroupId">The group of a group call.</param>
/// <param name="Timestamp">When the event happened, corrected for client clock skew.</param>
/// <param name="ReceivedAt">When the silo accepted the call.</param>
/// <param name="Properties">The call's properties as sent (track, page and screen calls).</param>
/// <param name="Traits">The call's traits as sent (identify and group calls).</param>
/// <param name="Context">The call's context (ip, page, userAgent, campaign, ...), batch-level values merged in.</param>
public sealed record CustomerEvent(
    string MessageId,
    string Type,
    string? Event,
    string? Name,
    string? UserId,
    string? AnonymousId,
    string? PreviousId,
    string? GroupId,
    DateTimeOffset Timestamp,
    DateTimeOffset ReceivedAt,
    JsonObject? Properties,
    JsonObject? Traits,
    JsonObject? Context)
{
    public static CustomerEvent From(TrackingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new CustomerEvent(
            message.MessageId,
            WireType(message.Type),
            message.Event,
            message.Name,
            message.UserId,
            message.AnonymousId,
            message.PreviousId,
            message.GroupId,
            message.Timestamp,
            message.ReceivedAt,
            message.Properties,
            message.Traits,
            message.Context);
    }

    // The names the Segment wire format uses.
    private static string WireType(TrackingMessageType type) => type switch
    {
        TrackingMessageType.Track => "track",
        TrackingMessageType.Identify => "identify",
        TrackingMessageType.Page => "page",
        TrackingMessageType.Screen => "screen",
        TrackingMessageType.Group => "group",
        TrackingMessageType.Alias => "alias",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown tracking call type."),
    };
}
