namespace Segmentation.LoadGenerator.Sending;

/// <summary>How a sink answered one delivery attempt.</summary>
public enum SinkOutcome
{
    /// <summary>Durably accepted (HTTP 2xx).</summary>
    Accepted,

    /// <summary>Refused for now (HTTP 429, or 503 with Retry-After): send the same batch again later.</summary>
    Throttled,

    /// <summary>Refused for good (any other status): the batch's events are lost.</summary>
    Rejected,

    /// <summary>No answer: the connection failed or the request timed out.</summary>
    TransportFailed,
}
