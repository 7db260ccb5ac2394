namespace Segmentation.Delivery.Esp;

/// <summary>The body of a Standard Webhooks post: the event type, when the send was decided, and the send.</summary>
internal sealed record WebhookEnvelope(string Type, DateTimeOffset Timestamp, EspSendData Data)
{
    /// <summary>The <c>type</c> of every send.</summary>
    public const string SendType = "email.send";
}
