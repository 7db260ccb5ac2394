using System.Globalization;

namespace Segmentation.Client;

/// <summary>
/// Settings of a <see cref="TrackingClient"/>. Only <see cref="Endpoint"/> and <see cref="WriteKey"/> must be
/// set; every other setting has a default suited to a shop frontend or backend. The client copies the
/// options when it is created, so later changes to this object do not affect it.
/// </summary>
public sealed class TrackingClientOptions
{
    /// <summary>The most messages a batch may hold that <see cref="MaxBatchSize"/> accepts.</summary>
    public const int MaxBatchSizeLimit = 10_000;

    /// <summary>
    /// Base address of the tracking API, e.g. <c>https://track.example.com/</c>. Batches are posted to
    /// <c>v1/batch</c> below it. Required; must be an absolute http or https address.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The write key of the source, sent as the HTTP Basic user name with an empty password. Required.</summary>
    public string? WriteKey { get; set; }

    /// <summary>
    /// The most messages in one batch request. Default 100. A batch is sent as soon as this many messages are
    /// queued, or earlier when <see cref="MaxBatchBytes"/> is reached first.
    /// </summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>
    /// The most bytes of one batch request body before compression. Default 512,000 (500 KB, the API's limit).
    /// </summary>
    public int MaxBatchBytes { get; set; } = 500 * 1024;

    /// <summary>
    /// The most bytes of one serialized message. Default 32,768 (32 KB, the API's limit). A call whose message
    /// is larger throws <see cref="ArgumentException"/> at once instead of being queued.
    /// </summary>
    public int MaxEventBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// How often queued messages are sent when no batch has filled up. Default 1 second; must be positive.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most messages waiting to be sent (the batch in flight not included). Default 10,000. When the queue is
    /// full, <see cref="QueueFullPolicy"/> decides which message is dropped.
    /// </summary>
    public int MaxQueueSize { get; set; } = 10_000;

    /// <summary>
    /// Which message to drop when the queue is full. Default <see cref="Client.QueueFullPolicy.DropNewest"/>:
    /// the new message is discarded and the call returns <see langword="false"/>. Drops are counted in
    /// <see cref="TrackingClientStatistics.Dropped"/>.
    /// </summary>
    public QueueFullPolicy QueueFullPolicy { get; set; } = QueueFullPolicy.DropNewest;

    /// <summary>
    /// Retries of a batch after a 429, 408, 5xx, timeout or network error, before it is dropped and counted in
    /// <see cref="TrackingClientStatistics.Failed"/>. Default 5; 0 disables retrying.
    /// </summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>
    /// The cap of the first retry's delay. Default 500 ms. Retry n waits a random time (full jitter) between 0 and
    /// <c>min(MaxBackoff, InitialBackoff * 2^(n-1))</c>, unless the failed response carried <c>Retry-After</c>
    /// (usually with 429 or 503), which is honoured as given, in seconds or as an HTTP date, even beyond MaxBackoff.
    /// </summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest retry delay cap. Default 30 seconds; must not be less than <see cref="InitialBackoff"/>.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one HTTP attempt may take before it counts as a timeout and is retried. Default 10 seconds;
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long <see cref="TrackingClient.DisposeAsync"/> keeps sending what is queued (retries included) before
    /// it gives up and counts the rest in <see cref="TrackingClientStatistics.Abandoned"/>. Default 5 seconds;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits until everything is sent or failed.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether request bodies are gzip-compressed (<c>Content-Encoding: gzip</c>). Default <see langword="true"/>.</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>
    /// The clock for message timestamps, <c>sentAt</c>, the flush interval, retry delays and timeouts.
    /// Default <see cref="TimeProvider.System"/>; tests pass a controllable one.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Checks every setting and throws an <see cref="ArgumentException"/> naming the first invalid one.
    /// <see cref="TrackingClient"/> calls this when it is created.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (Endpoint is null)
        {
            Fail("Endpoint is required: the base address of the tracking API, e.g. https://track.example.com/.");
        }

        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            Fail($"Endpoint must be an absolute http or https address; it was '{Endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(WriteKey))
        {
            Fail("WriteKey is required: the write key of the source, sent as the HTTP Basic user name.");
        }

        CheckRange(MaxBatchSize, 1, MaxBatchSizeLimit, nameof(MaxBatchSize));
        CheckRange(MaxEventBytes, 256, int.MaxValue, nameof(MaxEventBytes));
        var smallestBatch = MaxEventBytes + BatchPayload.EnvelopeBytes;
        if (MaxBatchBytes < smallestBatch)
        {
            Fail($"MaxBatchBytes must be at least MaxEventBytes + {BatchPayload.EnvelopeBytes} (the batch envelope), " +
                 $"so that the largest message fits in a batch: at least {Format(smallestBatch)}; it was {Format(MaxBatchBytes)}.");
        }

        CheckPositive(FlushInterval, nameof(FlushInterval), allowInfinite: false);
        CheckRange(MaxQueueSize, 1, int.MaxValue, nameof(MaxQueueSize));
        if (!Enum.IsDefined(QueueFullPolicy))
        {
            Fail($"QueueFullPolicy must be DropNewest or DropOldest; it was {(int)QueueFullPolicy}.");
        }

        CheckRange(MaxRetries, 0, 100, nameof(MaxRetries));
        CheckPositive(InitialBackoff, nameof(InitialBackoff), allowInfinite: false);
        CheckPositive(MaxBackoff, nameof(MaxBackoff), allowInfinite: false);
        if (MaxBackoff < InitialBackoff)
        {
            Fail($"MaxBackoff ({MaxBackoff}) must not be less than InitialBackoff ({InitialBackoff}).");
        }

        CheckPositive(RequestTimeout, nameof(RequestTimeout), allowInfinite: true);
        if (ShutdownTimeout < TimeSpan.Zero && ShutdownTimeout != Timeout.InfiniteTimeSpan)
        {
            Fail($"ShutdownTimeout must be zero or more, or Timeout.InfiniteTimeSpan; it was {ShutdownTimeout}.");
        }

        if (TimeProvider is null)
        {
            Fail("TimeProvider must not be null; use TimeProvider.System.");
        }
    }

    internal TrackingClientOptions Clone() => (TrackingClientOptions)MemberwiseClone();

    private static void CheckRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            var range = max == int.MaxValue ? $"at least {Format(min)}" : $"between {Format(min)} and {Format(max)}";
            Fail($"{name} must be {range}; it was {Format(value)}.");
        }
    }

    private static void CheckPositive(TimeSpan value, string name, bool allowInfinite)
    {
        if (value <= TimeSpan.Zero && !(allowInfinite && value == Timeout.InfiniteTimeSpan))
        {
            var infinite = allowInfinite ? ", or Timeout.InfiniteTimeSpan" : string.Empty;
            Fail($"{name} must be positive{infinite}; it was {value}.");
        }
    }

    private static string Format(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string message) =>
        throw new ArgumentException($"Invalid TrackingClientOptions: {message}", "options");
}
