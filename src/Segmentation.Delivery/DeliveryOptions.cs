namespace Segmentation.Delivery;

/// <summary>
/// Settings of ESP delivery, bound from <c>Segmentation:Delivery</c> and checked at start by
/// <see cref="DeliveryOptionsValidator"/> (the silo refuses to start naming every bad setting).
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Segmentation:Delivery";

    /// <summary>
    /// Where sends are posted: an absolute http(s) URL (for SendGrid, <c>https://api.sendgrid.com/v3/mail/send</c>).
    /// Empty: no dispatcher runs, and sends wait in the outbox until an endpoint is configured. Default: empty.
    /// </summary>
    public string? EndpointUrl { get; set; }

    /// <summary>How sends are posted: <c>Webhook</c> (Standard Webhooks) or <c>SendGrid</c>. Default: Webhook.</summary>
    public EspAdapterKind Adapter { get; set; } = EspAdapterKind.Webhook;

    /// <summary>The webhook signing secret, <c>whsec_</c> + base64 of 24 to 64 bytes; required with the webhook adapter. Never logged.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Settings of the SendGrid adapter.</summary>
    public SendGridOptions SendGrid { get; set; } = new();

    /// <summary>How long one attempt may wait for the ESP's answer before it counts as a timeout (retried). Default: 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts of one send before it is dead-lettered (429, 5xx, timeouts and connection failures count; a 4xx other
    /// than 429 fails at once). A manual retry gives a send this many again. Default: 10.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The base of the exponential backoff between attempts (with jitter). Default: 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest backoff between two attempts (a Retry-After from the ESP is honoured as given, up to a day). Default: 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Requests to the endpoint in flight at once. Default: 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Requests to the endpoint per second at most (a token bucket of one second's worth); 0 for no limit. Default: 0.</summary>
    public int RateLimitPerSecond { get; set; }

    /// <summary>
    /// Sends the dispatcher works on at once, those waiting for a retry included; the rest wait in the outbox without
    /// using attempts (so a long ESP outage dead-letters at most this many). Default: 1000.
    /// </summary>
    public int MaxSendsInProgress { get; set; } = 1000;

    /// <summary>How often the dispatcher looks for due sends (retries that were deferred, sends after a restart); new sends go at once. Default: 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a finished send (delivered, failed, dead-lettered, skipped) stays in the send log after its last change.
    /// An intent repeated after that would be sent again, so keep it well above any replay window. Default: 30 days.
    /// </summary>
    public TimeSpan SendLogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>True when an endpoint is configured and the dispatcher runs.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(EndpointUrl);
}
