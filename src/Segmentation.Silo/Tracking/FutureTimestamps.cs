using Segmentation.Tracking;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// The rule for events timestamped in the future: an event whose (skew-corrected) timestamp lies more than the
/// tolerance after its receipt takes the receive time instead. Profiles prune their windows relative to their
/// newest event time, so one event from a client clock set a year ahead would otherwise age out real history.
/// </summary>
public static class FutureTimestamps
{
    /// <summary>The message, with its timestamp replaced by its receive time when it lies too far after it.</summary>
    public static TrackingMessage Clamp(TrackingMessage message, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        return message.Timestamp - message.ReceivedAt > tolerance
            ? message with { Timestamp = message.ReceivedAt }
            : message;
    }

    /// <summary>
    /// The accepted messages, each clamped (<see cref="Clamp"/>); <paramref name="clamped"/> counts those whose
    /// timestamp was replaced.
    /// </summary>
    public static TrackingMessage[] ClampAll(IReadOnlyList<AcceptedTrackingMessage> accepted, TimeSpan tolerance, out int clamped)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var messages = new TrackingMessage[accepted.Count];
        clamped = 0;
        for (var i = 0; i < messages.Length; i++)
        {
            var original = accepted[i].Message;
            messages[i] = Clamp(original, tolerance);
            if (!ReferenceEquals(messages[i], original))
            {
                clamped++;
            }
        }

        return messages;
    }
}
