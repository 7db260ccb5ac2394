namespace Segmentation.LoadGenerator.Sending;

/// <summary>The answer to one delivery attempt of a batch.</summary>
/// <param name="Outcome">Accepted, throttled, rejected or failed.</param>
/// <param name="StatusCode">The HTTP status code, or 0 when there was no answer.</param>
/// <param name="RetryAfter">How long the sink asked to wait before the next attempt, when it said.</param>
/// <param name="ErrorKey">The key errors are counted under in the report: the status code, or <c>transport:...</c>.</param>
/// <param name="Detail">A short explanation for the report (an error body or exception message), or null.</param>
public readonly record struct SinkResponse(
    SinkOutcome Outcome,
    int StatusCode,
    TimeSpan? RetryAfter,
    string? ErrorKey,
    string? Detail)
{
    /// <summary>An acceptance with status 200.</summary>
    public static SinkResponse Ok { get; } = new(SinkOutcome.Accepted, 200, null, null, null);

    /// <summary>An acceptance with the given status.</summary>
    public static SinkResponse Accepted(int statusCode) => new(SinkOutcome.Accepted, statusCode, null, null, null);

    /// <summary>A 429 (or another throttling status) with an optional Retry-After.</summary>
    public static SinkResponse Throttled(int statusCode, TimeSpan? retryAfter, string? detail = null) =>
        new(SinkOutcome.Throttled, statusCode, retryAfter, Key(statusCode), detail);

    /// <summary>A final refusal with the given status.</summary>
    public static SinkResponse Rejected(int statusCode, string? detail = null) =>
        new(SinkOutcome.Rejected, statusCode, null, Key(statusCode), detail);

    /// <summary>No answer; <paramref name="kind"/> names the failure (e.g. <c>ConnectionError</c>, <c>timeout</c>).</summary>
    public static SinkResponse TransportFailure(string kind, string? detail = null) =>
        new(SinkOutcome.TransportFailed, 0, null, "transport:" + kind, detail);

    private static string Key(int statusCode) => statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
