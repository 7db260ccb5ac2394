namespace Segmentation.Client;

/// <summary>The outcome of one HTTP attempt to send a batch.</summary>
internal sealed record AttemptResult(
    AttemptOutcome Outcome,
    int? StatusCode,
    TimeSpan? RetryAfter,
    string? ResponseBody,
    Exception? Exception)
{
    /// <summary>A short description for logs: the status code, or the kind of failure. Never message contents.</summary>
    public string Reason => StatusCode is { } status
        ? $"HTTP {status}"
        : Exception is TimeoutException ? "timeout" : "network error";
}
