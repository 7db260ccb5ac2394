namespace Segmentation.Import.Sending;

/// <summary>Settings of <see cref="HttpBatchSink"/>. <see cref="Endpoint"/> and <see cref="WriteKey"/> are required.</summary>
public sealed class HttpBatchSinkOptions
{
    /// <summary>The base address of the tracking API; batches go to <c>v1/batch</c> below it.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The source's write key, sent as the HTTP Basic user name with an empty password.</summary>
    public string? WriteKey { get; set; }

    /// <summary>The most events per request. Default 100.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>The most bytes of a request body before compression. Default 500 KB, the API's limit.</summary>
    public int MaxBatchBytes { get; set; } = 500 * 1024;

    /// <summary>Retries of a batch after 429, 408, 5xx, a timeout or a network error. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry delay; it doubles per retry up to <see cref="MaxBackoff"/>. Default 500 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest retry delay, <c>Retry-After</c> included. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether bodies are sent gzip-compressed. Default true.</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>The clock of retry delays and timeouts.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The endpoint must be an absolute http or https address, e.g. http://127.0.0.1:5080.");
        }

        if (string.IsNullOrWhiteSpace(WriteKey))
        {
            throw new ArgumentException("A write key is required.");
        }

        if (MaxBatchSize is < 1 or > 10_000)
        {
            throw new ArgumentException($"The batch size must be between 1 and 10,000; it was {MaxBatchSize}.");
        }

        if (MaxBatchBytes < 1024 || MaxRetries < 0 || InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff || RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Invalid batch byte limit, retry count, backoff or timeout.");
        }
    }
}
