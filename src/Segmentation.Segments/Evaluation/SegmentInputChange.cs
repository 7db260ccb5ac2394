using Segmentation.Domain.Profiles;
using Segmentation.Tracking;

namespace Segmentation.Segments.Evaluation;

/// <summary>
/// What may have changed for a customer since its last evaluation: the profile parts an applied tracking call can
/// have changed and its track event name, or everything (the default: a merge, a definition, a reminder, anything not
/// clearly classified).
/// </summary>
public readonly struct SegmentInputChange
{
    private readonly bool _classified;
    private readonly ProfileParts _parts;

    private SegmentInputChange(ProfileParts parts, string? eventName)
    {
        _parts = parts;
        EventName = eventName;
        _classified = true;
    }

    /// <summary>Anything may have changed: every segment is evaluated.</summary>
    public static SegmentInputChange Everything => default;

    /// <summary>True when anything may have changed.</summary>
    public bool IsEverything => !_classified;

    /// <summary>The parts that may have changed (<see cref="ProfileParts.All"/> for everything).</summary>
    public ProfileParts Parts => _classified ? _parts : ProfileParts.All;

    /// <summary>The track event name whose count and timeline may have changed; null for none (or everything).</summary>
    public string? EventName { get; }

    /// <summary>What applying <paramref name="message"/> to the profile can have changed (<see cref="ProfileChanges.Of"/>).</summary>
    public static SegmentInputChange Of(TrackingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(ProfileChanges.Of(message), message.Type == TrackingMessageType.Track ? message.Event : null);
    }

    public override string ToString() => IsEverything ? "everything" : EventName is null ? Parts.ToString() : $"{Parts} ({EventName})";
}
