using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segmentation.Tracking;

namespace Segmentation.Import.Events;

/// <summary>
/// One track call of an import (<c>Order Completed</c> or <c>Order Refunded</c>) with a deterministic message id
/// and the historical timestamp, in a form that can be sent over HTTP (<see cref="ToWireJson"/>) or appended
/// in process (<see cref="ToTrackingMessage"/>).
/// </summary>
/// <param name="MessageId">The dedupe key, the same on every run over the same file.</param>
/// <param name="UserId">The customer id.</param>
/// <param name="Event">The event name.</param>
/// <param name="Timestamp">When it happened (UTC).</param>
/// <param name="Properties">The event properties. Treat as read-only.</param>
/// <param name="Context">The context (library, location). Treat as read-only.</param>
/// <param name="ProductsOmitted">Products left out of <c>products[]</c> to stay within the per-event size limit.</param>
public sealed record ImportEvent(
    string MessageId,
    string UserId,
    string Event,
    DateTimeOffset Timestamp,
    JsonObject Properties,
    JsonObject Context,
    int ProductsOmitted)
{
    /// <summary>The timestamp as sent: ISO 8601 in UTC with seven fraction digits, so it round-trips exactly.</summary>
    public string WireTimestamp => Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The Segment batch item, as UTF-8 JSON. It has no <c>sentAt</c>: the timestamp is historical and exact, so no
    /// clock-skew correction may move it.
    /// </summary>
    public byte[] ToWireJson()
    {
        var item = new JsonObject
        {
            ["type"] = "track",
            ["event"] = Event,
            ["userId"] = UserId,
            ["messageId"] = MessageId,
            ["timestamp"] = WireTimestamp,
            ["properties"] = Properties.DeepClone(),
            ["context"] = Context.DeepClone(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(item);
    }

    /// <summary>The message the silo's tracking API would accept for this call, received at <paramref name="receivedAt"/>.</summary>
    public TrackingMessage ToTrackingMessage(DateTimeOffset receivedAt) => new()
    {
        Type = TrackingMessageType.Track,
        MessageId = MessageId,
        UserId = UserId,
        Event = Event,
        Timestamp = Timestamp,
        ReceivedAt = receivedAt,
        Properties = (JsonObject)Properties.DeepClone(),
        Context = (JsonObject)Context.DeepClone(),
    };
}
