namespace Segmentation.Client;

/// <summary>
/// What a <see cref="TrackingClient"/> does with a new message when its queue already holds
/// <see cref="TrackingClientOptions.MaxQueueSize"/> messages (the API is slow or unreachable and the
/// application keeps producing events). Either way the discarded message is counted in
/// <see cref="TrackingClientStatistics.Dropped"/> and the call never blocks.
/// </summary>
public enum QueueFullPolicy
{
    /// <summary>
    /// Keep what is queued and discard the new message: the call returns <see langword="false"/> and the
    /// message is not counted as enqueued. This is the default: the oldest events, usually the start of a
    /// session or funnel, survive an outage.
    /// </summary>
    DropNewest = 0,

    /// <summary>
    /// Discard the oldest queued message to make room for the new one, which is enqueued and the call returns
    /// <see langword="true"/>. Use it when recent activity matters more than old activity.
    /// </summary>
    DropOldest = 1,
}
