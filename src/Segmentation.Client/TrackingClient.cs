using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Segmentation.Client;

/// <summary>
/// Sends Track, Identify, Page and Alias calls to the Segmentation tracking API (Segment-compatible
/// <c>POST /v1/batch</c>). Calls serialize the message, queue it and return at once; a background loop sends
/// batches when <see cref="TrackingClientOptions.MaxBatchSize"/> or <see cref="TrackingClientOptions.MaxBatchBytes"/>
/// is reached or every <see cref="TrackingClientOptions.FlushInterval"/>, retrying 429, 5xx, timeouts and network
/// errors. Create one client per process and share it: it is thread-safe. Dispose it on shutdown to send what is
/// still queued.
/// </summary>
/// <example>
/// <code>
/// await using var client = new TrackingClient(new TrackingClientOptions
/// {
///     Endpoint = new Uri("https://track.example.com/"),
///     WriteKey = "your-write-key",
/// });
/// client.Track(TrackingIdentity.ForUser("customer-42"), "Order Completed",
///     new JsonObject { ["order_id"] = "o-1001", ["revenue"] = 59.90, ["currency"] = "EUR" });
/// </code>
/// </example>
public sealed class TrackingClient : IAsyncDisposable
{
    private readonly TrackingClientOptions _options;
    private readonly ILogger _logger;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly MessageFactory _factory;
    private readonly MessageQueue _queue;
    private readonly ClientCounters _counters = new();
    private readonly DeliveryLoop _delivery;
    private readonly object _disposeGate = new();
    private Task? _disposal;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>, which it disposes with itself.</summary>
    /// <param name="options">The settings; validated and copied.</param>
    /// <param name="logger">Where to log batch outcomes (counts and status codes only); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public TrackingClient(TrackingClientOptions options, ILogger<TrackingClient>? logger = null)
        : this(options, CreateHttpClient(), ownsHttpClient: true, logger)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>, which stays yours to dispose.
    /// Its <see cref="HttpClient.Timeout"/> applies on top of <see cref="TrackingClientOptions.RequestTimeout"/>.
    /// </summary>
    /// <param name="options">The settings; validated and copied.</param>
    /// <param name="httpClient">The HTTP client to send with.</param>
    /// <param name="logger">Where to log batch outcomes (counts and status codes only); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public TrackingClient(TrackingClientOptions options, HttpClient httpClient, ILogger<TrackingClient>? logger = null)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), ownsHttpClient: false, logger)
    {
    }

    private TrackingClient(TrackingClientOptions options, HttpClient httpClient, bool ownsHttpClient, ILogger? logger)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(options);
            _options = options.Clone();
            _options.Validate();
        }
        catch when (ownsHttpClient)
        {
            httpClient.Dispose();
            throw;
        }

        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _logger = logger ?? NullLogger.Instance;
        _factory = new MessageFactory(_options);
        _queue = new MessageQueue(_options.MaxQueueSize, _options.QueueFullPolicy, _options.MaxBatchSize, _options.MaxBatchBytes);
        var dispatcher = new BatchDispatcher(
            _queue, new BatchSender(httpClient, _options), _counters, _options, _logger, args => Error?.Invoke(this, args));
        _delivery = new DeliveryLoop(_queue, dispatcher, _counters, _options, _logger);
    }

    /// <summary>
    /// Raised on the delivery loop when a batch is given up on: rejected by the API (400, 401, ...) or out of
    /// retries. Carries the status code, the start of the response body and the message ids. Keep handlers
    /// short; an exception thrown by a handler is logged and ignored.
    /// </summary>
    public event EventHandler<TrackingErrorEventArgs>? Error;

    /// <summary>Records that someone did something, e.g. <c>Order Completed</c> or <c>Product Viewed</c>.</summary>
    /// <param name="identity">Who did it.</param>
    /// <param name="eventName">The event name; required, e.g. one of the e-commerce v2 names.</param>
    /// <param name="properties">Details of the event, or <see langword="null"/>.</param>
    /// <param name="context">Extra context (ip, userAgent, page, campaign, ...), or <see langword="null"/>.</param>
    /// <returns>
    /// <see langword="true"/> when the message was queued; <see langword="false"/> when the queue was full and
    /// <see cref="QueueFullPolicy.DropNewest"/> discarded it.
    /// </returns>
    /// <exception cref="ArgumentException">An argument is missing or empty, or the message exceeds <see cref="TrackingClientOptions.MaxEventBytes"/>.</exception>
    /// <exception cref="ObjectDisposedException">The client has been disposed.</exception>
    public bool Track(TrackingIdentity identity, string eventName, JsonObject? properties = null, JsonObject? context = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var message = _factory.Create("track", identity.UserId, identity.AnonymousId, context) with
        {
            Event = eventName,
            Properties = properties,
        };
        return Enqueue(message, nameof(properties));
    }

    /// <summary>Records who someone is and what is known about them (email, name, plan, ...).</summary>
    /// <param name="identity">Who is identified; usually a user id, with the anonymous id it replaces.</param>
    /// <param name="traits">What is known about them, or <see langword="null"/>.</param>
    /// <param name="context">Extra context, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when queued; <see langword="false"/> when dropped because the queue was full.</returns>
    /// <exception cref="ArgumentException">The message exceeds <see cref="TrackingClientOptions.MaxEventBytes"/>.</exception>
    /// <exception cref="ObjectDisposedException">The client has been disposed.</exception>
    public bool Identify(TrackingIdentity identity, JsonObject? traits = null, JsonObject? context = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var message = _factory.Create("identify", identity.UserId, identity.AnonymousId, context) with { Traits = traits };
        return Enqueue(message, nameof(traits));
    }

    /// <summary>Records a page view.</summary>
    /// <param name="identity">Who viewed the page.</param>
    /// <param name="name">The page name, e.g. <c>Checkout</c>, or <see langword="null"/>.</param>
    /// <param name="properties">Details such as url, path, referrer and title, or <see langword="null"/>.</param>
    /// <param name="context">Extra context, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when queued; <see langword="false"/> when dropped because the queue was full.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or the message is too large.</exception>
    /// <exception cref="ObjectDisposedException">The client has been disposed.</exception>
    public bool Page(TrackingIdentity identity, string? name = null, JsonObject? properties = null, JsonObject? context = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        var message = _factory.Create("page", identity.UserId, identity.AnonymousId, context) with
        {
            Name = name,
            Properties = properties,
        };
        return Enqueue(message, nameof(properties));
    }

    /// <summary>Links an earlier id (usually the anonymous id) to a user id, e.g. when a visitor signs up.</summary>
    /// <param name="previousId">The earlier id.</param>
    /// <param name="userId">The user id it now belongs to.</param>
    /// <param name="context">Extra context, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when queued; <see langword="false"/> when dropped because the queue was full.</returns>
    /// <exception cref="ArgumentException">An id is missing, empty or whitespace.</exception>
    /// <exception cref="ObjectDisposedException">The client has been disposed.</exception>
    public bool Alias(string previousId, string userId, JsonObject? context = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(previousId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var message = _factory.Create("alias", userId, anonymousId: null, context) with { PreviousId = previousId };
        return Enqueue(message, nameof(context));
    }

    /// <summary>
    /// Sends everything queued before this call and waits until each of those messages has been accepted,
    /// has failed (rejected or out of retries) or was dropped. Retry delays count, so this can take a while
    /// when the API is struggling. Cancelling stops the wait, not the sending.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="ObjectDisposedException">The client has been disposed.</exception>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (_disposeGate)
        {
            ObjectDisposedException.ThrowIf(_disposal is not null, this);
        }

        return _delivery.FlushAsync(cancellationToken);
    }

    /// <summary>Returns the current counters.</summary>
    public TrackingClientStatistics GetStatistics() => _counters.Snapshot(_queue.Count);

    /// <summary>
    /// Stops accepting calls, sends everything still queued (with retries) for at most
    /// <see cref="TrackingClientOptions.ShutdownTimeout"/>, then stops. Messages still unsent then are counted in
    /// <see cref="TrackingClientStatistics.Abandoned"/>. Safe to call more than once.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_disposeGate)
        {
            _disposal ??= DisposeCoreAsync();
        }

        await _disposal.ConfigureAwait(false);
    }

    private async Task DisposeCoreAsync()
    {
        await _delivery.StopAsync().ConfigureAwait(false);
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private bool Enqueue(WireMessage message, string payloadParamName)
    {
        var json = _factory.Serialize(message, payloadParamName);
        var outcome = _queue.TryEnqueue(message.MessageId, json, out var batchReady, out var firstDrop);
        if (outcome == EnqueueOutcome.Closed)
        {
            throw new ObjectDisposedException(GetType().FullName, "The tracking client has been disposed.");
        }

        if (firstDrop)
        {
            TrackingClientLog.QueueFull(_logger, _options.MaxQueueSize, _options.QueueFullPolicy);
        }

        if (outcome == EnqueueOutcome.Refused)
        {
            _counters.AddDropped();
            return false;
        }

        _counters.AddEnqueued();
        if (outcome == EnqueueOutcome.EnqueuedEvictingOldest)
        {
            _counters.AddDropped();
        }

        if (batchReady)
        {
            _delivery.Wake();
        }

        return true;
    }

    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
