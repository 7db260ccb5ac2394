namespace Segmentation.Tracking;

/// <summary>One rejected call of a request.</summary>
/// <param name="Index">The item's position in the <c>batch</c> array (0 for the single-call endpoints).</param>
/// <param name="MessageId">The client's <c>messageId</c> when it could be read and was valid, else null.</param>
/// <param name="Code">One of <see cref="TrackingErrorCodes"/>.</param>
/// <param name="Message">A human explanation, safe to return to the client: it names fields and property names but never echoes values.</param>
/// <param name="Path">The JSON path of the offending value, e.g. <c>$.batch[3].userId</c> or <c>$.event</c>.</param>
public sealed record TrackingItemRejection(int Index, string? MessageId, string Code, string Message, string Path);
