using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Segmentation.Tracking;

/// <summary>
/// One accepted tracking call, normalized: the batch context merged in, the timestamp corrected for client
/// clock skew, ids trimmed. This is what is appended to the customer's partition log and replayed.
/// </summary>
public sealed record TrackingMessage
{
    public required TrackingMessageType Type { get; init; }

    /// <summary>The dedupe key (Segment's <c>messageId</c>), at most 100 characters.</summary>
    public required string MessageId { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    /// <summary>The event name of a track call, e.g. <c>Order Completed</c>.</summary>
    public string? Event { get; init; }

    /// <summary>The page or screen name of a page or screen call.</summary>
    public string? Name { get; init; }

    /// <summary>The group of a group call.</summary>
    public string? GroupId { get; init; }

    /// <summary>The earlier id of an alias call (usually the anonymous id).</summary>
    public string? PreviousId { get; init; }

    /// <summary>When the event happened, corrected for clock skew: receivedAt - (sentAt - timestamp).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the silo accepted the call.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public JsonObject? Properties { get; init; }

    public JsonObject? Traits { get; init; }

    public JsonObject? Context { get; init; }

    /// <summary>The destinations the client asked for (Segment's <c>integrations</c>), batch-level values merged in.</summary>
    public JsonObject? Integrations { get; init; }

    /// <summary>The sending library's channel when given (RudderStack sends e.g. <c>server</c> or <c>web</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>The id that owns this event: <see cref="UserId"/> when present, else <see cref="AnonymousId"/>.</summary>
    [JsonIgnore]
    public string CustomerKey => UserId ?? AnonymousId
        ?? throw new InvalidOperationException("A tracking message needs a userId or an anonymousId.");
}
