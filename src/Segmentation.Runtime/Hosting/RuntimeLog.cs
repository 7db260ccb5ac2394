using Microsoft.Extensions.Logging;

namespace Segmentation.Runtime.Hosting;

/// <summary>The runtime's log messages. Only ids and counts, never payloads.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Warning, "One-way call to {GrainId} failed")]
    public static partial void OneWayCallFailed(this ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(2, LogLevel.Error, "Activation of {GrainId} failed; its queued calls fail with the same error")]
    public static partial void ActivationFailed(this ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(3, LogLevel.Error, "Applying log record {Partition}:{Offset} to {GrainId} failed; the record is skipped")]
    public static partial void ApplyFailed(this ILogger logger, Exception exception, int partition, long offset, GrainId grainId);

    [LoggerMessage(4, LogLevel.Warning, "Deactivation of {GrainId} failed")]
    public static partial void DeactivationFailed(this ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Error, "Group commit of {RecordCount} records failed")]
    public static partial void AppendFailed(this ILogger logger, Exception exception, int recordCount);

    [LoggerMessage(6, LogLevel.Error, "Checkpoint of partition {Partition} failed; it is retried")]
    public static partial void CheckpointFailed(this ILogger logger, Exception exception, int partition);

    [LoggerMessage(7, LogLevel.Information, "Recovered {PartitionCount} partitions: read {RecordCount} records to replay in {ElapsedMilliseconds} ms; ready, catching up")]
    public static partial void Recovered(this ILogger logger, int partitionCount, long recordCount, long elapsedMilliseconds);

    [LoggerMessage(12, LogLevel.Information, "Caught up: replayed {RecordCount} records, {ElapsedMilliseconds} ms after the start")]
    public static partial void CaughtUp(this ILogger logger, long recordCount, long elapsedMilliseconds);

    [LoggerMessage(13, LogLevel.Error, "Catching up after recovery failed")]
    public static partial void CatchUpFailed(this ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Error, "Reading the {RecordCount} recovered records of partition {Partition} for {GrainId} failed; they stay held for the next start and the grain's activation is dropped")]
    public static partial void BacklogReadFailed(this ILogger logger, Exception exception, int recordCount, int partition, GrainId grainId);

    [LoggerMessage(8, LogLevel.Warning, "Timer of {GrainId} failed")]
    public static partial void TimerFailed(this ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(9, LogLevel.Information, "Collected {Count} activations ({Reason})")]
    public static partial void Collected(this ILogger logger, int count, DeactivationReason reason);

    [LoggerMessage(10, LogLevel.Error, "Firing reminders failed; they are retried")]
    public static partial void ReminderFiringFailed(this ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Error, "Background loop {Loop} failed")]
    public static partial void LoopFailed(this ILogger logger, Exception exception, string loop);
}
