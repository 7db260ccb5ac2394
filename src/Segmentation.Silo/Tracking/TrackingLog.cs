using Segmentation.Tracking;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// The tracking API's log messages: endpoints, counts, error codes and source names. Never bodies, ids, traits or
/// write keys.
/// </summary>
internal static partial class TrackingLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning,
        Message = "The tracking API has no active write key (" + TrackingOptions.SectionName + ":WriteKeys): every tracking request is refused with 401")]
    public static partial void NoActiveWriteKeys(ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information,
        Message = "The tracking API accepts {ActiveKeyCount} write keys ({RevokedKeyCount} revoked)")]
    public static partial void WriteKeysLoaded(ILogger logger, int activeKeyCount, int revokedKeyCount);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug,
        Message = "{Endpoint}: {AcceptedCount} calls durable, {RejectedCount} rejected (source {SourceName})")]
    public static partial void RequestAccepted(ILogger logger, TrackingEndpoint endpoint, int acceptedCount, int rejectedCount, string sourceName);

    [LoggerMessage(EventId = 204, Level = LogLevel.Debug, Message = "{Endpoint}: request refused ({ErrorCode})")]
    public static partial void RequestRejected(ILogger logger, TrackingEndpoint endpoint, string errorCode);

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "{Endpoint}: unauthorized ({WriteKeyStatus})")]
    public static partial void Unauthorized(ILogger logger, TrackingEndpoint endpoint, WriteKeyStatus writeKeyStatus);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning,
        Message = "Tracking API overloaded: {PendingCount} events wait for storage (limit {Limit}); requests are answered 429")]
    public static partial void Overloaded(ILogger logger, long pendingCount, int limit);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information,
        Message = "Tracking API accepts events again: {PendingCount} events wait for storage (limit {Limit})")]
    public static partial void OverloadCleared(ILogger logger, long pendingCount, int limit);

    [LoggerMessage(EventId = 208, Level = LogLevel.Debug, Message = "{Endpoint}: answered 429 with {PendingCount} events pending")]
    public static partial void RequestOverloaded(ILogger logger, TrackingEndpoint endpoint, long pendingCount);

    [LoggerMessage(EventId = 209, Level = LogLevel.Debug, Message = "{Endpoint}: answered 503, the silo is {SiloStatus}")]
    public static partial void NotReady(ILogger logger, TrackingEndpoint endpoint, string siloStatus);

    [LoggerMessage(EventId = 210, Level = LogLevel.Debug,
        Message = "{Endpoint}: {ClampedCount} event timestamps lay more than {Tolerance} after their receipt and were set to it")]
    public static partial void FutureTimestampsClamped(ILogger logger, TrackingEndpoint endpoint, int clampedCount, TimeSpan tolerance);
}
