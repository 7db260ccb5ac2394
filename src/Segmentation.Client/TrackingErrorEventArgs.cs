namespace Segmentation.Client;

/// <summary>
/// A batch of messages that was given up on, raised through <see cref="TrackingClient.Error"/>.
/// It carries message ids and the API's answer, never the message contents.
/// </summary>
public sealed class TrackingErrorEventArgs : EventArgs
{
    internal TrackingErrorEventArgs(
        TrackingFailureKind kind,
        int? statusCode,
        string? responseBody,
        IReadOnlyList<string> messageIds,
        int attempts,
        Exception? exception)
    {
        Kind = kind;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        MessageIds = messageIds;
        Attempts = attempts;
        Exception = exception;
    }

    /// <summary>Whether the API rejected the batch or the retries ran out.</summary>
    public TrackingFailureKind Kind { get; }

    /// <summary>The HTTP status of the last attempt, or <see langword="null"/> when it timed out or failed on the network.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// The start (at most 4096 characters) of the last response body, usually the API's JSON error,
    /// or <see langword="null"/> when there was no response.
    /// </summary>
    public string? ResponseBody { get; }

    /// <summary>The <c>messageId</c>s of the messages in the batch, in the order they were sent.</summary>
    public IReadOnlyList<string> MessageIds { get; }

    /// <summary>The number of messages in the batch.</summary>
    public int MessageCount => MessageIds.Count;

    /// <summary>HTTP attempts made for the batch, the first one included.</summary>
    public int Attempts { get; }

    /// <summary>The timeout or network error of the last attempt, or <see langword="null"/> when there was a response.</summary>
    public Exception? Exception { get; }
}
