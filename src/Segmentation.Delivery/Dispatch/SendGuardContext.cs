using Segmentation.Delivery.Sends;

namespace Segmentation.Delivery.Dispatch;

/// <summary>What a guard sees before an attempt: the send (with its payload and log), the time, and the attempt's number.</summary>
public sealed record SendGuardContext(SendRecord Send, DateTimeOffset Now, int AttemptNumber);
