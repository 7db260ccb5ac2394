namespace Segmentation.Client;

/// <summary>How an HTTP attempt ended.</summary>
internal enum AttemptOutcome
{
    /// <summary>The API accepted the batch (2xx).</summary>
    Accepted,

    /// <summary>429, 408, 5xx, a timeout or a network error: worth retrying.</summary>
    Retryable,

    /// <summary>Any other status: retrying would get the same answer.</summary>
    Rejected,
}
