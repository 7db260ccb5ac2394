using System.Text.Json.Nodes;

namespace Segmentation.Client;

/// <summary>One message as it appears in the <c>batch</c> array of a request.</summary>
internal sealed record WireMessage
{
    public required string Type { get; init; }

    public string? Event { get; init; }

    public string? Name { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    public string? PreviousId { get; init; }

    public JsonObject? Properties { get; init; }

    public JsonObject? Traits { get; init; }

    public required JsonObject Context { get; init; }

    public required string MessageId { get; init; }

    public required string Timestamp { get; init; }
}
