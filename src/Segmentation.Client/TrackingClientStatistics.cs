namespace Segmentation.Client;

/// <summary>
/// A snapshot of a <see cref="TrackingClient"/>'s counters, from <see cref="TrackingClient.GetStatistics"/>.
/// Message counts are cumulative since the client was created. Every message accepted by a call ends up in
/// exactly one of <see cref="Sent"/>, <see cref="Dropped"/>, <see cref="Failed"/> or <see cref="Abandoned"/>,
/// or is still <see cref="Queued"/> or <see cref="InFlight"/>. Each counter is read atomically, but the
/// snapshot as a whole is not taken at one instant while the client is busy.
/// </summary>
public sealed record TrackingClientStatistics
{
    /// <summary>Messages placed in the queue (a message refused under <see cref="QueueFullPolicy.DropNewest"/> is not).</summary>
    public long Enqueued { get; init; }

    /// <summary>Messages the API accepted (answered 2xx).</summary>
    public long Sent { get; init; }

    /// <summary>
    /// Messages discarded because the queue was full: refused new messages under
    /// <see cref="QueueFullPolicy.DropNewest"/>, evicted old ones under <see cref="QueueFullPolicy.DropOldest"/>.
    /// </summary>
    public long Dropped { get; init; }

    /// <summary>
    /// Messages in batches the API rejected (a 4xx other than 408 and 429, never retried) or that still failed
    /// after <see cref="TrackingClientOptions.MaxRetries"/> retries. Each such batch raises
    /// <see cref="TrackingClient.Error"/>.
    /// </summary>
    public long Failed { get; init; }

    /// <summary>Messages still queued or in flight when <see cref="TrackingClientOptions.ShutdownTimeout"/> ran out.</summary>
    public long Abandoned { get; init; }

    /// <summary>HTTP retries made (attempts after the first, counted per request, not per message).</summary>
    public long Retries { get; init; }

    /// <summary>Messages waiting in the queue now.</summary>
    public int Queued { get; init; }

    /// <summary>Messages in the batch being sent or retried now.</summary>
    public int InFlight { get; init; }
}
