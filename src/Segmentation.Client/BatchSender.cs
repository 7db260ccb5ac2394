using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Segmentation.Client;

/// <summary>Makes one HTTP attempt to post a batch and classifies the answer.</summary>
internal sealed class BatchSender
{
    /// <summary>How much of an error response body is kept for <see cref="TrackingErrorEventArgs.ResponseBody"/>.</summary>
    public const int MaxResponseBodyChars = 4096;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly ProductInfoHeaderValue UserAgent = new(
        "Segmentation.Client", typeof(BatchSender).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly Uri _batchUri;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly TimeSpan _requestTimeout;
    private readonly bool _gzip;

    public BatchSender(HttpClient httpClient, TrackingClientOptions options)
    {
        _httpClient = httpClient;
        _timeProvider = options.TimeProvider;
        var endpoint = options.Endpoint!.AbsoluteUri;
        _batchUri = new Uri(new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/"), "v1/batch");
        _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.WriteKey + ":")));
        _requestTimeout = options.RequestTimeout;
        _gzip = options.Gzip;
    }

    /// <summary>
    /// Posts the batch with <c>sentAt</c> set to now. Throws <see cref="OperationCanceledException"/> only when
    /// <paramref name="stoppingToken"/> is cancelled; timeouts and network errors are results.
    /// </summary>
    public async Task<AttemptResult> SendAsync(IReadOnlyList<QueuedMessage> batch, CancellationToken stoppingToken)
    {
        var body = BatchPayload.Write(batch, _timeProvider.GetUtcNow(), _gzip);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        if (_gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _batchUri) { Content = content };
        request.Headers.Authorization = _authorization;
        request.Headers.UserAgent.Add(UserAgent);

        using var timeout = _requestTimeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(_requestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            using var response = await _httpClient
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new AttemptResult(AttemptOutcome.Accepted, status, null, null, null);
            }

            var responseBody = await ReadStartAsync(response.Content, linked.Token).ConfigureAwait(false);
            if (!IsRetryable(response.StatusCode))
            {
                return new AttemptResult(AttemptOutcome.Rejected, status, null, responseBody, null);
            }

            var retryAfter = RetryDelay.FromRetryAfter(response.Headers.RetryAfter, _timeProvider.GetUtcNow());
            return new AttemptResult(AttemptOutcome.Retryable, status, retryAfter, responseBody, null);
        }
        catch (OperationCanceledException exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Our timeout, or the HttpClient's own Timeout when the caller supplied the client.
            var timedOut = new TimeoutException(
                $"The tracking API did not answer within the request timeout ({_requestTimeout}).", exception);
            return new AttemptResult(AttemptOutcome.Retryable, null, null, null, timedOut);
        }
        catch (HttpRequestException exception)
        {
            return new AttemptResult(AttemptOutcome.Retryable, null, null, null, exception);
        }
        catch (IOException exception)
        {
            return new AttemptResult(AttemptOutcome.Retryable, null, null, null, exception);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static async Task<string?> ReadStartAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxResponseBodyChars];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return read == 0 ? null : new string(buffer, 0, read);
        }
    }
}
