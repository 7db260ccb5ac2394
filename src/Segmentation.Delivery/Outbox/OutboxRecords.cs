using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

/// <summary>The payload of a <see cref="OutboxRecordKinds.SendAttempted"/> record.</summary>
internal sealed record AttemptRecord(string SendId, string CustomerId, SendAttempt Attempt);

/// <summary>The payload of a <see cref="OutboxRecordKinds.SendDeferred"/> record.</summary>
internal sealed record DeferralRecord(string SendId, string CustomerId, SendDeferral Deferral);

/// <summary>The payload of a <see cref="OutboxRecordKinds.SendRetryRequested"/> record.</summary>
internal sealed record RetryRecord(string SendId, string CustomerId, SendRetryRequest Request);

/// <summary>An outbox shard's snapshot: its sends and when it last pruned the send log.</summary>
internal sealed record OutboxSnapshot(int Format, DateTimeOffset? PrunedAt, IReadOnlyList<SendRecord> Sends);
