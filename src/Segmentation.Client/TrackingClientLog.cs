using Microsoft.Extensions.Logging;

namespace Segmentation.Client;

/// <summary>
/// The client's log messages. They carry counts, status codes and durations only: never message contents,
/// user ids or response bodies.
/// </summary>
internal static partial class TrackingClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sent a batch of {MessageCount} messages (HTTP {StatusCode}).")]
    public static partial void BatchSent(ILogger logger, int messageCount, int statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "A batch of {MessageCount} messages failed ({Reason}); retry {Retry} of {MaxRetries} in {DelayMilliseconds} ms.")]
    public static partial void BatchRetrying(
        ILogger logger, int messageCount, string reason, int retry, int maxRetries, long delayMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error,
        Message = "The tracking API rejected a batch of {MessageCount} messages with HTTP {StatusCode}; it is not retried.")]
    public static partial void BatchRejected(ILogger logger, int messageCount, int statusCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error,
        Message = "Dropped a batch of {MessageCount} messages after {Attempts} attempts; the last one failed ({Reason}).")]
    public static partial void RetriesExhausted(ILogger logger, int messageCount, int attempts, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "The tracking queue is full ({Capacity} messages); dropping messages under policy {Policy} until it drains.")]
    public static partial void QueueFull(ILogger logger, int capacity, QueueFullPolicy policy);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "A TrackingClient.Error handler threw; the client carries on.")]
    public static partial void ErrorHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "The shutdown timeout of {TimeoutMilliseconds} ms ran out; abandoning {MessageCount} unsent messages.")]
    public static partial void ShutdownTimedOut(ILogger logger, long timeoutMilliseconds, long messageCount);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "A batch attempt failed without a response ({Reason}).")]
    public static partial void AttemptFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error,
        Message = "Unexpected error while sending a batch of {MessageCount} messages; the batch is dropped.")]
    public static partial void UnexpectedError(ILogger logger, int messageCount, Exception exception);
}
