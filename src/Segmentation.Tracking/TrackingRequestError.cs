namespace Segmentation.Tracking;

/// <summary>Why a whole tracking request was rejected.</summary>
/// <param name="Code">One of <see cref="TrackingErrorCodes"/>.</param>
/// <param name="Message">A human explanation, safe to return to the client: it names fields and property names but never echoes values.</param>
/// <param name="Path">The JSON path of the offending value (e.g. <c>$.batch</c>), or null when the error is not about one value.</param>
public sealed record TrackingRequestError(string Code, string Message, string? Path = null);
