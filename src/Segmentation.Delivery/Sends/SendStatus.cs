namespace Segmentation.Delivery.Sends;

/// <summary>Where a send is in its life.</summary>
public enum SendStatus
{
    /// <summary>Waiting for its first attempt, for a retry after a failed attempt, or deferred by a guard (quiet hours).</summary>
    Pending,

    /// <summary>The ESP acknowledged it (2xx). Final.</summary>
    Delivered,

    /// <summary>The ESP refused it with a 4xx other than 429 (not retried); a manual retry sends it again.</summary>
    Failed,

    /// <summary>Every attempt allowed failed (429, 5xx, timeouts, ESP unreachable); a manual retry sends it again.</summary>
    DeadLettered,

    /// <summary>Decided against, with a reason (consent, suppression, frequency cap, condition no longer true). Final.</summary>
    Skipped,
}
