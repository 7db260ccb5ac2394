namespace Segmentation.TestKit.Esp;

/// <summary>How the receiver answers one request: a status (with Retry-After and a body), after an optional gate; or never (it hangs until the client gives up).</summary>
public sealed record ReceiverAnswer(
    int StatusCode, string? RetryAfter = null, string? Body = null, Task? Gate = null, bool Hang = false, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ReceiverAnswer Ok { get; } = new(200);

    public static ReceiverAnswer Status(int statusCode, string? body = null) => new(statusCode, Body: body);

    public static ReceiverAnswer TooManyRequests(string retryAfter) => new(429, RetryAfter: retryAfter);

    /// <summary>Holds the request until the client cancels it (its timeout).</summary>
    public static ReceiverAnswer NoAnswer { get; } = new(0, Hang: true);

    /// <summary>Answers <paramref name="statusCode"/> once <paramref name="gate"/> completes.</summary>
    public static ReceiverAnswer After(Task gate, int statusCode = 200) => new(statusCode, Gate: gate);
}
