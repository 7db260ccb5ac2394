namespace Segmentation.Tracking;

/// <summary>A problem found inside a JSON value, with the path from that value to the offending spot.</summary>
/// <param name="Code">One of <see cref="TrackingErrorCodes"/>.</param>
/// <param name="Message">A human explanation.</param>
/// <param name="RelativePath">The path below the checked value, e.g. <c>.products[2]</c>, empty for the value itself.</param>
internal sealed record PayloadProblem(string Code, string Message, string RelativePath);
