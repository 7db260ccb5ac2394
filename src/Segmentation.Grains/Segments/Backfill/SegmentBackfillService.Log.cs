using Microsoft.Extensions.Logging;

namespace Segmentation.Grains.Segments;

public sealed partial class SegmentBackfillService
{
    [LoggerMessage(1, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} started over {Total} customers")]
    private partial void LogStarted(string segmentId, int version, long total);

    [LoggerMessage(2, LogLevel.Debug, "Backfill of segment {SegmentId} version {Version}: shard {Shard} sent, {Sent} of {Total} customers asked")]
    private partial void LogShardSent(string segmentId, int version, int shard, long sent, long total);

    [LoggerMessage(3, LogLevel.Information, "Backfill of segment {SegmentId} version {Version}: all {Sent} customers asked in {ElapsedMs} ms; they report to the segment as they evaluate")]
    private partial void LogAllSent(string segmentId, int version, long sent, long elapsedMs);

    [LoggerMessage(4, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} stopped after {Sent} of {Total} customers: a newer version was saved")]
    private partial void LogSuperseded(string segmentId, int version, long sent, long total);

    [LoggerMessage(9, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} stopped after {Sent} of {Total} customers: the segment was deleted or a newer version started")]
    private partial void LogAbandoned(string segmentId, int version, long sent, long total);

    [LoggerMessage(5, LogLevel.Debug, "Backfill of segment {SegmentId} version {Version} skipped: the catalog no longer has that version")]
    private partial void LogSkipped(string segmentId, int version);

    [LoggerMessage(6, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} did not complete before the silo stopped; starting it again")]
    private partial void LogResumed(string segmentId, int version);

    [LoggerMessage(7, LogLevel.Error, "Backfill of segment {SegmentId} version {Version} failed; it starts again when the silo restarts")]
    private partial void LogFailed(System.Exception exception, string segmentId, int version);

    [LoggerMessage(8, LogLevel.Error, "Looking for unfinished backfills failed; they start again when the silo restarts")]
    private partial void LogResumeFailed(System.Exception exception);
}
