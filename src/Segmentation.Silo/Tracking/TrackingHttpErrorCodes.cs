namespace Segmentation.Silo.Tracking;

/// <summary>
/// The error codes the tracking API adds at the HTTP level to the wire-format codes of
/// <see cref="Segmentation.Tracking.TrackingErrorCodes"/>; each is the <c>code</c> of a ProblemDetails answer.
/// </summary>
public static class TrackingHttpErrorCodes
{
    /// <summary>401: neither an HTTP Basic user name nor a <c>writeKey</c> in the body.</summary>
    public const string MissingWriteKey = "missing_write_key";

    /// <summary>401: the write key is not configured.</summary>
    public const string InvalidWriteKey = "invalid_write_key";

    /// <summary>401: the write key is configured but revoked.</summary>
    public const string RevokedWriteKey = "revoked_write_key";

    /// <summary>401: the <c>Authorization</c> header is not HTTP Basic with a base64 user name.</summary>
    public const string InvalidAuthorization = "invalid_authorization";

    /// <summary>415: a <c>Content-Encoding</c> other than gzip (or identity).</summary>
    public const string UnsupportedContentEncoding = "unsupported_content_encoding";

    /// <summary>400: the body could not be received (e.g. the connection sent less than its Content-Length).</summary>
    public const string UnreadableBody = "unreadable_body";

    /// <summary>429: too many events are waiting for durable storage.</summary>
    public const string Overloaded = "overloaded";

    /// <summary>503: the silo is still recovering its partitions, or stopping.</summary>
    public const string NotReady = "not_ready";
}
