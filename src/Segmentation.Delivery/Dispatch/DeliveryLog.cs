using Microsoft.Extensions.Logging;

namespace Segmentation.Delivery.Dispatch;

/// <summary>The dispatcher's log messages: send ids, attempt numbers, status codes and reason codes; never addresses, names or bodies.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(1, LogLevel.Warning, "ESP delivery is off: Segmentation:Delivery:EndpointUrl is not set, so sends wait in the outbox until it is")]
    public static partial void DeliveryOff(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "ESP delivery to {Endpoint} with the {Adapter} adapter: {MaxAttempts} attempts, {MaxConcurrency} at once, {RateLimit} per second (0: no limit)")]
    public static partial void DeliveryOn(ILogger logger, string endpoint, EspAdapterKind adapter, int maxAttempts, int maxConcurrency, int rateLimit);

    [LoggerMessage(3, LogLevel.Information, "Send {SendId} delivered on attempt {Attempt} (HTTP {StatusCode})")]
    public static partial void Delivered(ILogger logger, string sendId, int attempt, int statusCode);

    [LoggerMessage(4, LogLevel.Information, "Send {SendId} attempt {Attempt} failed ({Reason}); next attempt at {RetryAt:O}")]
    public static partial void Retrying(ILogger logger, string sendId, int attempt, string reason, DateTimeOffset retryAt);

    [LoggerMessage(5, LogLevel.Warning, "Send {SendId} failed on attempt {Attempt} ({Reason}); not retried, a manual retry can send it again")]
    public static partial void Failed(ILogger logger, string sendId, int attempt, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Send {SendId} dead-lettered after attempt {Attempt} ({Reason}); a manual retry can send it again")]
    public static partial void DeadLettered(ILogger logger, string sendId, int attempt, string reason);

    [LoggerMessage(7, LogLevel.Information, "Send {SendId} skipped before dispatch: {Reason}")]
    public static partial void Skipped(ILogger logger, string sendId, string reason);

    [LoggerMessage(8, LogLevel.Information, "Send {SendId} deferred until {Until:O}")]
    public static partial void Deferred(ILogger logger, string sendId, DateTimeOffset until);

    [LoggerMessage(9, LogLevel.Error, "Dispatching send {SendId} failed; it stays pending and is taken again after {Delay}")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string sendId, TimeSpan delay);

    [LoggerMessage(10, LogLevel.Warning, "Looking for due sends failed; the next poll tries again")]
    public static partial void PollFailed(ILogger logger, Exception exception);
}
