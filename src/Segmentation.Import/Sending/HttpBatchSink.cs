using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Segmentation.Import.Events;

namespace Segmentation.Import.Sending;

/// <summary>
/// Sends events to the Segment-compatible <c>POST /v1/batch</c> of the tracking API: HTTP Basic auth with the write
/// key, optional gzip, batches within the count and byte limits, one request at a time, retries of 429/408/5xx and
/// network errors with exponential backoff (honouring <c>Retry-After</c>). Batches carry no <c>sentAt</c>, so the
/// historical timestamps are kept exactly. Sending stops early when the API cannot be reached, refuses the write key
/// or has no batch endpoint (401, 403, 404), or when three batches in a row run out of retries.
/// </summary>
public sealed class HttpBatchSink : IImportEventSink, IDisposable
{
    private const int MaxConsecutiveExhausted = 3;
    private static readonly byte[] BatchStart = "{\"batch\":["u8.ToArray();
    private static readonly byte[] BatchEnd = "]}"u8.ToArray();

    private readonly HttpBatchSinkOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _batchUri;
    private readonly AuthenticationHeaderValue _authorization;

    /// <param name="options">The settings; validated.</param>
    /// <param name="httpClient">The client to send with (yours to dispose), or null for one of its own.</param>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public HttpBatchSink(HttpBatchSinkOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var endpoint = options.Endpoint!.AbsoluteUri;
        _batchUri = new Uri(new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/"), "v1/batch");
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.WriteKey + ":")));
    }

    public async Task<SendOutcome> SendAsync(
        IReadOnlyList<ImportEvent> events, IProgress<SendProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        var failedIds = new HashSet<string>(StringComparer.Ordinal);
        long sent = 0, failed = 0;
        string? abort = null;
        var exhaustedInARow = 0;
        void Fail(IEnumerable<string> ids, long count, string reason)
        {
            failed += count;
            failures[reason] = failures.GetValueOrDefault(reason) + count;
            failedIds.UnionWith(ids);
        }

        foreach (var batch in Batches(events))
        {
            if (abort is not null)
            {
                Fail(batch.Select(item => item.Event.MessageId), batch.Count, "not-sent");
                progress?.Report(new SendProgress(sent, failed, events.Count));
                continue;
            }

            var attempt = await PostAsync(batch, cancellationToken).ConfigureAwait(false);
            var ids = batch.Select(item => item.Event.MessageId).ToList();
            exhaustedInARow = attempt.Kind == BatchAttemptKind.OutOfRetries ? exhaustedInARow + 1 : 0;
            switch (attempt.Kind)
            {
                case BatchAttemptKind.Accepted:
                    var rejected = BatchResponseReader.ReadItemRejections(attempt.Body);
                    foreach (var (index, code) in rejected)
                    {
                        Fail(index is { } i && i >= 0 && i < ids.Count ? [ids[i]] : [], 1, "item " + code);
                    }

                    sent += batch.Count - rejected.Count;
                    break;
                case BatchAttemptKind.Rejected:
                case BatchAttemptKind.OutOfRetries:
                    Fail(ids, batch.Count, Describe(attempt));
                    abort = exhaustedInARow >= MaxConsecutiveExhausted
                        ? $"The tracking API at {_options.Endpoint} kept failing ({Describe(attempt)}) for {MaxConsecutiveExhausted} batches in a row; stopped."
                        : null;
                    break;
                default:
                    Fail(ids, batch.Count, Describe(attempt));
                    abort = AbortMessage(attempt);
                    break;
            }

            progress?.Report(new SendProgress(sent, failed, events.Count));
        }

        return new SendOutcome(events.Count, sent, failed, failures, failedIds, abort);
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private IEnumerable<List<(ImportEvent Event, byte[] Json)>> Batches(IReadOnlyList<ImportEvent> events)
    {
        var batch = new List<(ImportEvent, byte[])>();
        var bytes = BatchStart.Length + BatchEnd.Length;
        foreach (var evt in events)
        {
            var json = evt.ToWireJson();
            if (batch.Count > 0 && (batch.Count >= _options.MaxBatchSize || bytes + json.Length + 1 > _options.MaxBatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = BatchStart.Length + BatchEnd.Length;
            }

            batch.Add((evt, json));
            bytes += json.Length + 1;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<BatchAttempt> PostAsync(List<(ImportEvent Event, byte[] Json)> batch, CancellationToken cancellationToken)
    {
        var body = Body(batch);
        var (result, retryAfter) = await PostOnceAsync(body, cancellationToken).ConfigureAwait(false);
        for (var retry = 1; retry <= _options.MaxRetries && result.Kind is BatchAttemptKind.OutOfRetries or BatchAttemptKind.Unreachable; retry++)
        {
            await Task.Delay(Backoff(retry, retryAfter), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            (result, retryAfter) = await PostOnceAsync(body, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private TimeSpan Backoff(int retry, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? _options.InitialBackoff * Math.Pow(2, retry - 1);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxBackoff ? _options.MaxBackoff : delay;
    }

    private async Task<(BatchAttempt Result, TimeSpan? RetryAfter)> PostOnceAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (_options.Gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _batchUri) { Content = content };
        request.Headers.Authorization = _authorization;
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Segmentation.Import", "1.0"));
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var kind = response.IsSuccessStatusCode ? BatchAttemptKind.Accepted
                : response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound ? BatchAttemptKind.Refused
                : response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500 ? BatchAttemptKind.OutOfRetries
                : BatchAttemptKind.Rejected;
            return (new BatchAttempt(kind, status, text, null), RetryAfter(response.Headers.RetryAfter));
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return (new BatchAttempt(BatchAttemptKind.Unreachable, null, null, new TimeoutException(
                $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s", exception)), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return (new BatchAttempt(BatchAttemptKind.Unreachable, null, null, exception), null);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _options.TimeProvider.GetUtcNow(),
        _ => null,
    };

    private byte[] Body(List<(ImportEvent Event, byte[] Json)> batch)
    {
        using var buffer = new MemoryStream();
        var output = _options.Gzip ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : (Stream)buffer;
        output.Write(BatchStart);
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0)
            {
                output.WriteByte((byte)',');
            }

            output.Write(batch[i].Json);
        }

        output.Write(BatchEnd);
        if (output is GZipStream gzip)
        {
            gzip.Dispose();
        }

        return buffer.ToArray();
    }

    private static string Describe(BatchAttempt attempt) => attempt.StatusCode is { } status
        ? $"http-{status}" + (BatchResponseReader.ReadErrorCode(attempt.Body) is { } code ? " " + code : string.Empty)
        : "unreachable";

    private string AbortMessage(BatchAttempt attempt) => attempt.StatusCode switch
    {
        401 or 403 => $"The tracking API at {_options.Endpoint} refused the write key ({Describe(attempt)}). Check --write-key.",
        404 => $"The tracking API at {_options.Endpoint} has no v1/batch endpoint (HTTP 404). Check --endpoint.",
        _ => $"Cannot reach the tracking API at {_options.Endpoint} ({attempt.Exception?.Message ?? "no answer"}). " +
             "Is the silo running, and is --endpoint right?",
    };
}
