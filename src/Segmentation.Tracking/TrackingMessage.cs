using System.Text.Json.Nodes;

namespace Segmentation.Tracking;

/// <summary>
/// One accepted tracking call, normalized: the batch context merged in, the timestamp corrected for client
/// clock skew, ids trimmed. This is what is appended to the customer's partition log and replayed.
/// </summary>
/// <remarks>
/// The object fields (properties, traits, context, integrations) are kept as their UTF-8 JSON text
/// (<see cref="Utf8JsonObject"/>), parsed once at the HTTP edge and read in place by the log and the profile; the
/// <see cref="JsonObject"/> views build a tree on each read, for tests and read paths.
/// </remarks>
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

    /// <summary>The call's properties (track, page and screen calls) as sent.</summary>
    public Utf8JsonObject PropertiesJson { get; init; }

    /// <summary>The call's traits (identify and group calls) as sent.</summary>
    public Utf8JsonObject TraitsJson { get; init; }

    /// <summary>The call's context (ip, page, userAgent, campaign...), batch-level values merged in.</summary>
    public Utf8JsonObject ContextJson { get; init; }

    /// <summary>The destinations the client asked for (Segment's <c>integrations</c>), batch-level values merged in.</summary>
    public Utf8JsonObject IntegrationsJson { get; init; }

    /// <summary><see cref="PropertiesJson"/> as a new tree on every read (for tests and views, never on the ingestion path).</summary>
    public JsonObject? Properties
    {
        get => PropertiesJson.ToJsonObject();
        init => PropertiesJson = Utf8JsonObject.From(value);
    }

    /// <summary><see cref="TraitsJson"/> as a new tree on every read.</summary>
    public JsonObject? Traits
    {
        get => TraitsJson.ToJsonObject();
        init => TraitsJson = Utf8JsonObject.From(value);
    }

    /// <summary><see cref="ContextJson"/> as a new tree on every read.</summary>
    public JsonObject? Context
    {
        get => ContextJson.ToJsonObject();
        init => ContextJson = Utf8JsonObject.From(value);
    }

    /// <summary><see cref="IntegrationsJson"/> as a new tree on every read.</summary>
    public JsonObject? Integrations
    {
        get => IntegrationsJson.ToJsonObject();
        init => IntegrationsJson = Utf8JsonObject.From(value);
    }

    /// <summary>The sending library's channel when given (RudderStack sends e.g. <c>server</c> or <c>web</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>The id that owns this event: <see cref="UserId"/> when present, else <see cref="AnonymousId"/>.</summary>
    public string CustomerKey => UserId ?? AnonymousId
        ?? throw new InvalidOperationException("A tracking message needs a userId or an anonymousId.");
}
