using System.Text.Json.Nodes;
using Segmentation.Tracking;

namespace Segmentation.Segments.Tests.Support;

/// <summary>Builds tracking messages for tests; ids default to a function of type, name and time.</summary>
internal static class Messages
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TrackingMessage Track(string eventName, DateTimeOffset at, string? properties = null, string? id = null) => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = id ?? $"track:{eventName}:{at.UtcTicks}",
        UserId = "user-1",
        Event = eventName,
        Timestamp = at,
        ReceivedAt = at,
        Properties = Object(properties),
    };

    public static TrackingMessage Identify(DateTimeOffset at, string traits, string? id = null) => new()
    {
        Type = TrackingMessageType.Identify,
        MessageId = id ?? $"identify:{at.UtcTicks}",
        UserId = "user-1",
        Timestamp = at,
        ReceivedAt = at,
        Traits = Object(traits),
    };

    public static TrackingMessage Page(DateTimeOffset at, string? id = null) => new()
    {
        Type = TrackingMessageType.Page,
        MessageId = id ?? $"page:{at.UtcTicks}",
        UserId = "user-1",
        Name = "Home",
        Timestamp = at,
        ReceivedAt = at,
    };

    public static JsonObject? Object(string? json) => json is null ? null : JsonNode.Parse(json)!.AsObject();
}
