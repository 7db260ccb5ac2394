namespace Segmentation.Performance.Orchestration;

/// <summary>The parts of <c>GET /api/segments/{id}</c> a run reads: the count and the backfill's progress.</summary>
public sealed record SegmentState(string Id, long Count, SegmentBackfillState Backfill);

/// <summary>A segment's backfill as the silo reports it.</summary>
public sealed record SegmentBackfillState(string State, long Evaluated, long Total, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt);
