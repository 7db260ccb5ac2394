using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Outbox;

/// <summary>What a manual retry did; <see cref="Send"/> is the send as it is now (null when not found).</summary>
public sealed record SendRetryResult(SendRetryStatus Status, SendRecord? Send);
