namespace Segmentation.Client;

/// <summary>What <see cref="MessageQueue.TryEnqueue"/> did with a message.</summary>
internal enum EnqueueOutcome
{
    /// <summary>Queued; there was room.</summary>
    Enqueued,

    /// <summary>Queued after the oldest message was evicted (<see cref="QueueFullPolicy.DropOldest"/>).</summary>
    EnqueuedEvictingOldest,

    /// <summary>Refused because the queue is full (<see cref="QueueFullPolicy.DropNewest"/>).</summary>
    Refused,

    /// <summary>Refused because the client is shutting down.</summary>
    Closed,
}
