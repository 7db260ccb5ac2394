namespace Segmentation.Silo.Management;

/// <summary>The outcome of checking a request's management API key.</summary>
internal enum ManagementKeyStatus
{
    /// <summary>No Authorization header.</summary>
    Missing,

    /// <summary>An Authorization header that is not <c>Bearer &lt;key&gt;</c>.</summary>
    Malformed,

    /// <summary>A key that matches no configured key.</summary>
    Unknown,

    /// <summary>A configured key marked revoked.</summary>
    Revoked,

    /// <summary>A configured, active key.</summary>
    Valid,
}
