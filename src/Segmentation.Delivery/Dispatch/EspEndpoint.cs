using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Segmentation.Delivery.Esp;
using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Dispatch;

/// <summary>
/// The configured ESP endpoint: its adapter, HTTP client, limits, and the Polly pipelines of its sends. The retry
/// pipeline retries 429, 5xx, timeouts and connection failures with exponential backoff and jitter (a Retry-After from
/// the ESP replaces the backoff), up to the send's attempts left; every attempt goes through the limits and a timeout.
/// </summary>
internal sealed class EspEndpoint : IAsyncDisposable
{
    /// <summary>The most of the ESP's error body kept in the send log.</summary>
    public const int MaxErrorLength = 500;

    /// <summary>The longest Retry-After honoured.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);

    private static readonly ResiliencePropertyKey<SendDispatch> DispatchKey = new("segmentation.send-dispatch");

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public EspEndpoint(DeliveryOptions options, TimeProvider time)
    {
        Options = options;
        _time = time;
        Url = new Uri(options.EndpointUrl!.Trim(), UriKind.Absolute);
        Adapter = CreateAdapter(options);
        Limiter = new EndpointLimiter(options, time);
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            // Attempts time out through the Polly pipeline, on the injected clock.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Segmentation-Delivery/1.0");
        Timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.RequestTimeout).Build();
        Retry = new ResiliencePipelineBuilder<EspResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<EspResult>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = static args => ValueTask.FromResult(Dispatch(args.Context).ShouldRetry(args.Outcome, args.AttemptNumber)),
                DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = static args => Dispatch(args.Context).OnRetryAsync(args.Outcome, args.RetryDelay),
            })
            .Build();
    }

    public DeliveryOptions Options { get; }

    public Uri Url { get; }

    public IEspAdapter Adapter { get; }

    public EndpointLimiter Limiter { get; }

    /// <summary>Retries of one send; the callback gets the <see cref="SendDispatch"/> from the context.</summary>
    public ResiliencePipeline<EspResult> Retry { get; }

    /// <summary>The timeout of one attempt.</summary>
    public ResiliencePipeline Timeout { get; }

    /// <summary>What the log calls the endpoint: scheme, host and port (a path or query may carry a token).</summary>
    public string Describe() => Url.GetLeftPart(UriPartial.Authority);

    public static void Attach(ResilienceContext context, SendDispatch dispatch) => context.Properties.Set(DispatchKey, dispatch);

    /// <summary>One POST of the send, bounded by <see cref="DeliveryOptions.RequestTimeout"/> (then <see cref="TimeoutRejectedException"/>).</summary>
    public async ValueTask<EspResult> PostAsync(SendIntent intent, byte[] body, CancellationToken cancellationToken) =>
        await Timeout.ExecuteAsync(
            async (token) =>
            {
                using var request = Adapter.CreateRequest(Url, intent, body, _time.GetUtcNow());
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 200 and < 300)
                {
                    return EspResult.Answered(status, null, null);
                }

                var retryAfter = Adapter.ReadRetryAfter(response, _time.GetUtcNow());
                var error = await ReadErrorAsync(response, token).ConfigureAwait(false);
                return EspResult.Answered(status, error, retryAfter is { } wait && wait > MaxRetryAfter ? MaxRetryAfter : retryAfter);
            },
            cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Limiter.DisposeAsync().ConfigureAwait(false);
    }

    private static SendDispatch Dispatch(ResilienceContext context) => context.Properties.GetValue(DispatchKey, null!);

    private static IEspAdapter CreateAdapter(DeliveryOptions options)
    {
        if (options.Adapter == EspAdapterKind.SendGrid)
        {
            return new SendGridAdapter(options.SendGrid);
        }

        return WebhookSecret.TryParse(options.SigningSecret, out var key, out var problem)
            ? new StandardWebhookAdapter(key)
            : throw new InvalidOperationException($"{DeliveryOptions.SectionName}:{nameof(options.SigningSecret)} {problem}.");
    }

    // The start of the ESP's error body, for the send log (never for the logs: it may echo the address).
    private static async Task<string?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxErrorLength * 4];
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return response.ReasonPhrase;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read).Trim();
            return text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
        }
    }
}
