namespace Segmentation.Client;

/// <summary>Why a batch was given up on, in <see cref="TrackingErrorEventArgs.Kind"/>.</summary>
public enum TrackingFailureKind
{
    /// <summary>
    /// The API answered with a status that retrying cannot fix (400 malformed or oversize batch, 401 bad write
    /// key, 403, 413, ...). The batch was not retried; <see cref="TrackingErrorEventArgs.ResponseBody"/> says why.
    /// </summary>
    Rejected = 0,

    /// <summary>
    /// Every attempt failed with a retryable outcome (429, 408, 5xx, a timeout or a network error) and
    /// <see cref="TrackingClientOptions.MaxRetries"/> retries were used up.
    /// </summary>
    RetriesExhausted = 1,
}
