namespace Segmentation.Import.Sending;

/// <summary>How a batch ended.</summary>
internal enum BatchAttemptKind
{
    /// <summary>2xx (some items may still be rejected in the body).</summary>
    Accepted,

    /// <summary>A 4xx that retrying cannot fix, for this batch only.</summary>
    Rejected,

    /// <summary>401, 403 or 404: every batch would get the same answer.</summary>
    Refused,

    /// <summary>429, 408 or 5xx after every retry.</summary>
    OutOfRetries,

    /// <summary>No HTTP answer after every retry (connection refused, DNS, timeout).</summary>
    Unreachable,
}
