using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Segmentation.LoadGenerator.Sending;

/// <summary>
/// Posts batches to a local silo's <c>/v1/batch</c> with HTTP Basic auth (write key as user, empty password) over
/// one pooled <see cref="HttpClient"/>. Loopback only: the URL is checked, and every connection is made by hand to a
/// loopback address of the host (no proxy, no redirects), so nothing can leave this machine.
/// </summary>
public sealed class HttpEventSink : IEventSink
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _client;
    private readonly Uri _endpoint;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeProvider _timeProvider;

    /// <summary>A sink posting to <c>{baseUrl}/v1/batch</c> over at most <paramref name="maxConnections"/> connections.</summary>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not a loopback http(s) URL.</exception>
    public HttpEventSink(Uri baseUrl, string writeKey, int maxConnections, TimeSpan requestTimeout, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(writeKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        LoopbackUrl.EnsureLoopback(baseUrl);
        _endpoint = new Uri(baseUrl, baseUrl.AbsolutePath.TrimEnd('/') + "/v1/batch");
        _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        _requestTimeout = requestTimeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = ConnectToLoopbackAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The URL batches are posted to.</summary>
    public Uri Endpoint => _endpoint;

    /// <inheritdoc />
    public string Description => _endpoint.ToString();

    /// <inheritdoc />
    public async ValueTask<SinkResponse> SendAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ReadOnlyMemoryContent(batch.Body),
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.Authorization = _authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return SinkResponse.Accepted(status);
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var detail = body.Length <= 300 ? body : body[..300];
            var retryAfter = RetryAfterOf(response);
            return status == 429 || (status == 503 && retryAfter is not null)
                ? SinkResponse.Throttled(status, retryAfter, detail)
                : SinkResponse.Rejected(status, detail);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SinkResponse.TransportFailure("timeout", $"No answer within {_requestTimeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException exception)
        {
            return SinkResponse.TransportFailure(exception.HttpRequestError.ToString(), exception.Message);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - _timeProvider.GetUtcNow(), TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async ValueTask<Stream> ConnectToLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var loopback = addresses.Where(LoopbackUrl.IsLoopbackAddress).ToArray();
        if (loopback.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"Refusing to connect: '{host}' does not resolve to a loopback address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(loopback, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
