namespace Segmentation.Grains;

/// <summary>The kinds of log record the grains of this project exchange.</summary>
public static class RecordKinds
{
    /// <summary>An accepted tracking call (payload: the serialized tracking message).</summary>
    public const string Tracking = "tracking";

    /// <summary>To an anonymous customer: a known customer claimed this id; merge into it (payload: its key).</summary>
    public const string Link = "link";

    /// <summary>To a known customer: an anonymous profile to merge in (payload: source key and profile).</summary>
    public const string Merge = "merge";

    /// <summary>To an RFM shard: one customer's current RFM input.</summary>
    public const string RfmUpdate = "rfm";

    /// <summary>To an email index shard: one customer's current email.</summary>
    public const string EmailUpdate = "email";

    /// <summary>To a customer registry shard: a customer applied its first record (payload: the UTF-8 customer key).</summary>
    public const string CustomerRegistered = "customer-registered";

    /// <summary>To a segment grain: a customer entered or left the segment (payload: <c>SegmentDelta</c>).</summary>
    public const string SegmentDelta = "segment-delta";

    /// <summary>To a customer: evaluate every segment now, for a backfill that found it must (payload: <c>SegmentEvaluation</c>).</summary>
    public const string SegmentEvaluate = "segment-evaluate";

    /// <summary>To a segment grain: a backfill went through one page of a registry shard (payload: <c>SegmentBackfillPage</c>).</summary>
    public const string SegmentBackfillPage = "segment-backfill-page";

    /// <summary>To a segment grain: a customer evaluated a backfill's <c>SegmentEvaluate</c> (payload: <c>SegmentBackfillReport</c>).</summary>
    public const string SegmentBackfilled = "segment-backfilled";

    /// <summary>To a segment grain: a backfill of one version starts (payload: <c>SegmentBackfillStart</c>).</summary>
    public const string SegmentBackfillStarted = "segment-backfill-started";

    /// <summary>To a segment grain: forget every membership of versions before the given one (payload: <c>SegmentReset</c>).</summary>
    public const string SegmentReset = "segment-reset";

    /// <summary>To an outbox shard: a send to make (payload: <c>SendIntent</c>; build it with <c>OutboxMessages.Intent</c>).</summary>
    public const string SendIntent = Delivery.Outbox.OutboxRecordKinds.SendIntent;

    /// <summary>To an outbox shard: a send decided against, with its reason (payload: <c>SendSkip</c>; <c>OutboxMessages.Skip</c>).</summary>
    public const string SendSkipped = Delivery.Outbox.OutboxRecordKinds.SendSkipped;

    /// <summary>To an outbox shard: the dispatcher's record of one attempt.</summary>
    public const string SendAttempted = Delivery.Outbox.OutboxRecordKinds.SendAttempted;

    /// <summary>To an outbox shard: a guard delayed a pending send (quiet hours).</summary>
    public const string SendDeferred = Delivery.Outbox.OutboxRecordKinds.SendDeferred;

    /// <summary>To an outbox shard: a manual retry of a failed or dead-lettered send.</summary>
    public const string SendRetryRequested = Delivery.Outbox.OutboxRecordKinds.SendRetryRequested;
}
