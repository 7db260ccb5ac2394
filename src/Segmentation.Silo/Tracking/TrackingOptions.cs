using Segmentation.Tracking;

namespace Segmentation.Silo.Tracking;

/// <summary>
/// Settings of the Segment-compatible tracking API (<c>/v1/batch</c>, <c>/v1/track</c>, ...), bound from
/// <c>Segmentation:Tracking</c> and checked at start by <see cref="TrackingOptionsValidator"/>. Read once at start:
/// adding or revoking a write key takes a restart.
/// </summary>
public sealed class TrackingOptions
{
    public const string SectionName = "Segmentation:Tracking";

    /// <summary>
    /// The write keys sources authenticate with. None by default: a silo without an active key refuses every
    /// tracking request with 401 and logs a warning at start.
    /// </summary>
    public List<TrackingWriteKey> WriteKeys { get; set; } = [];

    /// <summary>Size and shape limits: 32 KB per event and 500 KB per request (after gzip decompression) by default.</summary>
    public TrackingLimits Limits { get; set; } = new();

    /// <summary>
    /// The most tracking events accepted but not yet durable (waiting for their group commit). A request that
    /// would go beyond it is answered 429 with <c>Retry-After</c> instead of queuing more; a single request is
    /// always let through when nothing is pending, whatever its size. Default: 200,000.
    /// </summary>
    public int MaxPendingEvents { get; set; } = 200_000;

    /// <summary>
    /// The <c>Retry-After</c> of a 429 (too many pending events) or 503 (the silo is recovering or stopping),
    /// rounded up to whole seconds. Default: 5 seconds.
    /// </summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How far after its receipt an event's timestamp (after clock-skew correction) may lie. A later timestamp is
    /// replaced by the receive time, because profiles prune their windows relative to the newest event time and a
    /// client clock set in the future must not age out real history. Default: 5 minutes.
    /// </summary>
    public TimeSpan FutureTimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
