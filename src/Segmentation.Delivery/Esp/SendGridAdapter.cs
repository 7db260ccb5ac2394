using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Esp;

/// <summary>
/// Posts a send to SendGrid v3 <c>mail/send</c>: the intent's dynamic template (<c>template_id</c>, required) with the
/// send as <c>dynamic_template_data</c>, the trigger as category, and the send id, customer id and trigger as
/// <c>custom_args</c> (SendGrid echoes them in its event webhook). SendGrid has no idempotency key: after a crash between
/// its 202 and the delivered record, the re-post carries the same <c>send_id</c>, which is how its events tell the two apart.
/// </summary>
internal sealed class SendGridAdapter(SendGridOptions options) : IEspAdapter
{
    private const string RateLimitResetHeader = "X-RateLimit-Reset";
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public byte[] CreateBody(SendIntent intent)
    {
        if (string.IsNullOrEmpty(intent.TemplateId))
        {
            throw new EspRequestException("SendGrid needs a dynamic template id, and the send has none.");
        }

        var customArgs = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["customer_id"] = intent.CustomerId,
            ["send_id"] = intent.SendId,
            ["trigger"] = intent.Trigger,
        };
        var recipient = intent.Payload.Recipient;
        var mail = new SendGridMail(
            [new SendGridPersonalization([new SendGridAddress(recipient.Email, recipient.FirstName)], EspSendData.From(intent), customArgs)],
            new SendGridAddress(options.FromEmail!.Trim(), string.IsNullOrWhiteSpace(options.FromName) ? null : options.FromName),
            intent.TemplateId,
            [intent.Trigger],
            intent.Kind == SendKind.Marketing && options.UnsubscribeGroupId > 0 ? new SendGridUnsubscribeGroup(options.UnsubscribeGroupId) : null,
            options.SandboxMode ? new SendGridMailSettings(new SendGridSetting(true)) : null);
        return JsonSerializer.SerializeToUtf8Bytes(mail, EspJson.Default.SendGridMail);
    }

    public HttpRequestMessage CreateRequest(Uri endpoint, SendIntent intent, byte[] body, DateTimeOffset now)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        return request;
    }

    /// <summary>Retry-After when given, else SendGrid's <c>X-RateLimit-Reset</c> (the Unix time its limit resets).</summary>
    public TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (RetryAfterHeader.Read(response, now) is { } retryAfter)
        {
            return retryAfter;
        }

        if (response.Headers.TryGetValues(RateLimitResetHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var reset)
            && reset <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(reset);
            return at > now ? at - now : TimeSpan.Zero;
        }

        return null;
    }
}
