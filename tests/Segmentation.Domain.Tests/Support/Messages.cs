using System.Text.Json.Nodes;
using Segmentation.Tracking;

namespace Segmentation.Domain.Tests.Support;

/// <summary>Builds tracking messages for tests; ids default to a function of type, name and time.</summary>
internal static class Messages
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TrackingMessage Track(
        string eventName,
        DateTimeOffset at,
        string? properties = null,
        string? id = null,
        string? userId = "user-1",
        string? anonymousId = null,
        string? context = null) => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = id ?? $"track:{eventName}:{at.UtcTicks}",
        UserId = userId,
        AnonymousId = anonymousId,
        Event = eventName,
        Timestamp = at,
        ReceivedAt = at,
        Properties = Object(properties),
        Context = Object(context),
    };

    public static TrackingMessage Identify(
        DateTimeOffset at,
        string traits,
        string? id = null,
        string? userId = "user-1",
        string? anonymousId = null,
        string? context = null) => new()
    {
        Type = TrackingMessageType.Identify,
        MessageId = id ?? $"identify:{at.UtcTicks}",
        UserId = userId,
        AnonymousId = anonymousId,
        Timestamp = at,
        ReceivedAt = at,
        Traits = Object(traits),
        Context = Object(context),
    };

    public static TrackingMessage Page(
        DateTimeOffset at,
        string? properties = null,
        string? id = null,
        string? userId = "user-1",
        string? anonymousId = null,
        string? context = null) => new()
    {
        Type = TrackingMessageType.Page,
        MessageId = id ?? $"page:{at.UtcTicks}",
        UserId = userId,
        AnonymousId = anonymousId,
        Name = "Home",
        Timestamp = at,
        ReceivedAt = at,
        Properties = Object(properties),
        Context = Object(context),
    };

    public static TrackingMessage Alias(DateTimeOffset at, string userId, string previousId, string? id = null) => new()
    {
        Type = TrackingMessageType.Alias,
        MessageId = id ?? $"alias:{at.UtcTicks}",
        UserId = userId,
        PreviousId = previousId,
        Timestamp = at,
        ReceivedAt = at,
    };

    public static JsonObject? Object(string? json) => json is null ? null : JsonNode.Parse(json)!.AsObject();
}
