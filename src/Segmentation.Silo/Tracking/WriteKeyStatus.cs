namespace Segmentation.Silo.Tracking;

/// <summary>The outcome of checking the write key of a tracking request.</summary>
internal enum WriteKeyStatus
{
    /// <summary>A configured, active key.</summary>
    Valid,

    /// <summary>No key: neither an HTTP Basic user name nor a <c>writeKey</c> in the body.</summary>
    Missing,

    /// <summary>A key that is not configured.</summary>
    Unknown,

    /// <summary>A configured key marked <see cref="TrackingWriteKey.Revoked"/>.</summary>
    Revoked,

    /// <summary>An <c>Authorization</c> header that is not HTTP Basic with a base64 user name.</summary>
    MalformedAuthorization,
}
