using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Esp;

/// <summary>
/// Posts a send as a Standard Webhooks message: the JSON <see cref="WebhookEnvelope"/>, with <c>webhook-id</c> = the
/// send id (the receiver's idempotency key: the same on every attempt and after a crash), <c>webhook-timestamp</c> =
/// the attempt's Unix time, and <c>webhook-signature</c> = <c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c>.
/// </summary>
internal sealed class StandardWebhookAdapter(byte[] key) : IEspAdapter
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public byte[] CreateBody(SendIntent intent) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new WebhookEnvelope(WebhookEnvelope.SendType, intent.CreatedAt, EspSendData.From(intent)), EspJson.Default.WebhookEnvelope);

    public HttpRequestMessage CreateRequest(Uri endpoint, SendIntent intent, byte[] body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(WebhookSignature.IdHeader, intent.SendId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(key, intent.SendId, timestamp, body));
        return request;
    }

    public TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now) => RetryAfterHeader.Read(response, now);
}
