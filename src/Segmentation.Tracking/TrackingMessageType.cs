namespace Segmentation.Tracking;

/// <summary>The Segment call types.</summary>
public enum TrackingMessageType
{
    Track,
    Identify,
    Page,
    Screen,
    Group,
    Alias,
}
