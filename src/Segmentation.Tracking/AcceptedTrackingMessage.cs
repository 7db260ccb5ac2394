namespace Segmentation.Tracking;

/// <summary>One accepted call of a request.</summary>
/// <param name="Index">The item's position in the <c>batch</c> array (0 for the single-call endpoints).</param>
/// <param name="Message">The normalized message, ready to append to the log.</param>
public sealed record AcceptedTrackingMessage(int Index, TrackingMessage Message);
