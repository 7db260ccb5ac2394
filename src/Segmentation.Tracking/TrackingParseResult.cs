namespace Segmentation.Tracking;

/// <summary>
/// The outcome of parsing one tracking request. When <see cref="Error"/> is set the whole request is rejected
/// and nothing may be appended; <see cref="Rejections"/> may still explain every item (e.g. for
/// <see cref="TrackingErrorCodes.NoValidItems"/>). Otherwise <see cref="Accepted"/> holds at least one message.
/// </summary>
/// <param name="Accepted">The accepted messages, in input order.</param>
/// <param name="Rejections">The rejected items, in input order.</param>
/// <param name="WriteKey">The <c>writeKey</c> found in the body (Segment SDKs may send it there), or null.</param>
/// <param name="Error">The whole-request error, or null when at least one message was accepted.</param>
public sealed record TrackingParseResult(
    IReadOnlyList<AcceptedTrackingMessage> Accepted,
    IReadOnlyList<TrackingItemRejection> Rejections,
    string? WriteKey,
    TrackingRequestError? Error)
{
    /// <summary>True when the request is accepted (possibly with some items rejected).</summary>
    public bool IsAccepted => Error is null;

    /// <summary>A result for a request rejected before any item could be read.</summary>
    public static TrackingParseResult Failed(TrackingRequestError error, string? writeKey = null) =>
        new([], [], writeKey, error);
}
