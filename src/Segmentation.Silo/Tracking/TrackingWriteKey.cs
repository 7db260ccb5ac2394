namespace Segmentation.Silo.Tracking;

/// <summary>
/// One write key of the tracking API (<c>Segmentation:Tracking:WriteKeys</c>). A key is revoked by setting
/// <see cref="Revoked"/> rather than deleting it, so that the settings keep a record of which sources existed and
/// the silo can tell a revoked key from an unknown one.
/// </summary>
public sealed class TrackingWriteKey
{
    /// <summary>
    /// The secret a source sends (HTTP Basic user name, or <c>writeKey</c> in the body): at least
    /// <see cref="TrackingOptionsValidator.MinimumKeyLength"/> characters, no colon, no surrounding white space.
    /// Never logged.
    /// </summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Which source the key belongs to (e.g. <c>web-shop</c>); logs name the source by it, never by the key.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>True when requests with this key are refused with 401 (<c>revoked_write_key</c>).</summary>
    public bool Revoked { get; set; }
}
