namespace Segmentation.Delivery.Sends;

/// <summary>One POST of a send to the ESP, as recorded in the send log.</summary>
/// <param name="Number">1 for the first attempt; numbering goes on across manual retries.</param>
/// <param name="StartedAt">When the request was sent.</param>
/// <param name="Duration">How long until the answer, the timeout or the connection failure.</param>
/// <param name="StatusCode">The ESP's HTTP status; null when there was no answer (timeout, connection failure).</param>
/// <param name="Error">What went wrong, for people: the start of the ESP's error body, the timeout or the connection error.</param>
/// <param name="Outcome">What the attempt led to.</param>
/// <param name="RetryAt">When the next attempt is due (<see cref="SendAttemptOutcome.Retrying"/> only).</param>
public sealed record SendAttempt(
    int Number,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    int? StatusCode,
    string? Error,
    SendAttemptOutcome Outcome,
    DateTimeOffset? RetryAt);
