namespace Segmentation.Delivery.Sends;

/// <summary>What one attempt led to.</summary>
public enum SendAttemptOutcome
{
    /// <summary>The ESP answered 2xx: the send is delivered.</summary>
    Delivered,

    /// <summary>429, 5xx, a timeout or no connection: another attempt follows at <see cref="SendAttempt.RetryAt"/>.</summary>
    Retrying,

    /// <summary>The ESP answered a 4xx other than 429 (or the request could not be built): not retried.</summary>
    Failed,

    /// <summary>A retryable failure on the last attempt allowed: the send is dead-lettered.</summary>
    DeadLettered,
}
