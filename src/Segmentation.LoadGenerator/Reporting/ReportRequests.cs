namespace Segmentation.LoadGenerator.Reporting;

/// <summary>The requests of a run.</summary>
public sealed record ReportRequests
{
    /// <summary>Batches that left at least once.</summary>
    public required long Batches { get; init; }

    /// <summary>Attempts made, retries included.</summary>
    public required long Attempts { get; init; }

    public required long Acknowledged { get; init; }

    /// <summary>Attempts answered 429 (or 503 with Retry-After) and retried after the pause they asked for.</summary>
    public required long Throttled { get; init; }

    public required long Retries { get; init; }

    /// <summary>Attempts answered with any other error or failed in transport.</summary>
    public required long Errors { get; init; }

    /// <summary>Error answers by key: the status code (<c>429</c>, <c>500</c>, ...) or <c>transport:...</c>.</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByKey { get; init; }

    /// <summary>The first explanation (response body or exception message) seen per error key.</summary>
    public required IReadOnlyDictionary<string, string> ErrorSamples { get; init; }

    /// <summary>The most requests in flight at once.</summary>
    public required int MaxInFlight { get; init; }

    /// <summary>Batches that left more than 5 ms after they were due (the concurrency bound or a pause held them).</summary>
    public required long LateBatches { get; init; }

    public required double MaxScheduleLagMs { get; init; }
}
