namespace Segmentation.Tracking;

/// <summary>
/// Stable error codes of the tracking wire format, for clients and for the HTTP layer to map to status codes.
/// Request-level codes reject the whole request (400, or 413 for the size codes if the host prefers);
/// item-level codes reject single items of a batch.
/// </summary>
public static class TrackingErrorCodes
{
    // Request-level.

    /// <summary>The body is not valid UTF-8.</summary>
    public const string InvalidUtf8 = "invalid_utf8";

    /// <summary>The body is empty or not well-formed JSON.</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>The body nests objects and arrays deeper than <see cref="TrackingLimits.MaxJsonDepth"/>.</summary>
    public const string JsonTooDeep = "json_too_deep";

    /// <summary>The (decompressed) body is larger than <see cref="TrackingLimits.MaxRequestBytes"/>.</summary>
    public const string RequestTooLarge = "request_too_large";

    /// <summary>A <c>Content-Encoding: gzip</c> body is not a complete, valid gzip stream.</summary>
    public const string InvalidGzip = "invalid_gzip";

    /// <summary>A <c>/v1/batch</c> body has no <c>batch</c> array.</summary>
    public const string MissingBatch = "missing_batch";

    /// <summary>A batch is empty or every item was rejected (each item's error is reported too).</summary>
    public const string NoValidItems = "no_valid_items";

    // Item-level (also request-level for the single-call endpoints, whose body is the one item).

    /// <summary>A batch item has no <c>type</c>.</summary>
    public const string MissingType = "missing_type";

    /// <summary>The <c>type</c> is not one of track, identify, page, screen, group, alias.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>The <c>type</c> in the body contradicts the endpoint (e.g. <c>"type": "page"</c> on <c>/v1/track</c>).</summary>
    public const string TypeMismatch = "type_mismatch";

    /// <summary>Neither <c>userId</c> nor <c>anonymousId</c> is given (or an alias has no <c>userId</c>).</summary>
    public const string MissingUserId = "missing_user_id";

    /// <summary>A track call has no <c>event</c> name.</summary>
    public const string MissingEvent = "missing_event";

    /// <summary>An alias call has no <c>previousId</c>.</summary>
    public const string MissingPreviousId = "missing_previous_id";

    /// <summary>A group call has no <c>groupId</c>.</summary>
    public const string MissingGroupId = "missing_group_id";

    /// <summary>A <c>userId</c>, <c>anonymousId</c>, <c>previousId</c> or <c>groupId</c> is longer than <see cref="TrackingLimits.MaxIdLength"/>.</summary>
    public const string IdTooLong = "id_too_long";

    /// <summary>The <c>messageId</c> is longer than <see cref="TrackingLimits.MaxMessageIdLength"/>.</summary>
    public const string MessageIdTooLong = "message_id_too_long";

    /// <summary>The item's JSON is larger than <see cref="TrackingLimits.MaxEventBytes"/>.</summary>
    public const string EventTooLarge = "event_too_large";

    /// <summary>A field has the wrong JSON type (e.g. <c>properties</c> is not an object); the path names it.</summary>
    public const string InvalidFieldType = "invalid_field_type";

    /// <summary>
    /// An object inside <c>properties</c>, <c>traits</c>, <c>context</c> or <c>integrations</c> has the same property
    /// name twice, which the JSON object model downstream cannot hold.
    /// </summary>
    public const string DuplicateProperty = "duplicate_property";

    /// <summary>A string holds an escape that is not valid UTF-16 (e.g. a lone surrogate <c>\ud800</c>).</summary>
    public const string InvalidString = "invalid_string";

    /// <summary>A <c>timestamp</c>, <c>originalTimestamp</c> or <c>sentAt</c> is not an ISO-8601 date-time, or the corrected time is out of range.</summary>
    public const string InvalidTimestamp = "invalid_timestamp";
}
