namespace Segmentation.Delivery.Dispatch;

/// <summary>How one attempt ended: the ESP's answer, a timeout, no connection, or a guard's decision before any request.</summary>
internal sealed record EspResult(EspResultKind Kind, int? StatusCode, string? Error, TimeSpan? RetryAfter, SendGuardDecision? Guard)
{
    public bool IsSuccess => Kind == EspResultKind.Answered && StatusCode is >= 200 and < 300;

    /// <summary>429, 5xx, a timeout or no connection: worth another attempt.</summary>
    public bool IsRetryable => Kind is EspResultKind.TimedOut or EspResultKind.Unreachable
        || (Kind == EspResultKind.Answered && StatusCode is 429 or >= 500);

    public static EspResult Answered(int statusCode, string? error, TimeSpan? retryAfter) =>
        new(EspResultKind.Answered, statusCode, error, retryAfter, null);

    public static EspResult TimedOut(TimeSpan timeout) =>
        new(EspResultKind.TimedOut, null, $"No answer within {timeout}.", null, null);

    public static EspResult Unreachable(string error) => new(EspResultKind.Unreachable, null, error, null, null);

    public static EspResult Guarded(SendGuardDecision decision) => new(EspResultKind.Guarded, null, null, null, decision);

    /// <summary>For logs: the status code or the kind of failure, never the ESP's error text (it may echo personal data).</summary>
    public string Describe() => StatusCode is { } status
        ? $"HTTP {status}"
        : Kind switch { EspResultKind.TimedOut => "timeout", EspResultKind.Unreachable => "unreachable", _ => "guarded" };
}
