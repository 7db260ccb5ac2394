using Microsoft.Extensions.Logging;

namespace Segmentation.Grains.Segments;

public sealed partial class SegmentBackfillService
{
    [LoggerMessage(1, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} started over {Total} customers")]
    private partial void LogStarted(string segmentId, int version, long total);

    [LoggerMessage(2, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} goes on where it got to ({ShardsDone} registry shards done)")]
    private partial void LogContinued(string segmentId, int version, int shardsDone);

    [LoggerMessage(3, LogLevel.Information, "Backfill of segment {SegmentId} version {Version}: {Checked} customers checked in {ElapsedMs} ms, {Asked} of them asked to evaluate; they report to the segment as they do")]
    private partial void LogAllSent(string segmentId, int version, long @checked, long asked, long elapsedMs);

    [LoggerMessage(4, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} stopped after {Checked} of {Total} customers: a newer version was saved or the segment was deleted")]
    private partial void LogSuperseded(string segmentId, int version, long @checked, long total);

    [LoggerMessage(5, LogLevel.Debug, "Backfill of segment {SegmentId} version {Version} skipped: the catalog no longer has that version")]
    private partial void LogSkipped(string segmentId, int version);

    [LoggerMessage(6, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} did not complete before the silo stopped; going on with it")]
    private partial void LogResumed(string segmentId, int version);

    [LoggerMessage(9, LogLevel.Information, "Backfill of segment {SegmentId} version {Version} has not run yet (a new store's starter segment, or a save the silo stopped after); starting it")]
    private partial void LogNotRunYet(string segmentId, int version);

    [LoggerMessage(7, LogLevel.Error, "Backfill of segment {SegmentId} version {Version} failed; it goes on when the silo restarts")]
    private partial void LogFailed(System.Exception exception, string segmentId, int version);

    [LoggerMessage(8, LogLevel.Error, "Looking for unfinished backfills failed; they go on when the silo restarts")]
    private partial void LogResumeFailed(System.Exception exception);
}
