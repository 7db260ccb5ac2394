namespace Segmentation.Silo.Management;

/// <summary>One key of the management API, an item of <c>Segmentation:Management:ApiKeys</c>.</summary>
public sealed class ManagementApiKey
{
    /// <summary>Who holds the key (e.g. <c>dashboard</c>); logs name the key by this, never by its value.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The secret, sent as <c>Authorization: Bearer &lt;key&gt;</c>: at least 32 characters, no whitespace.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>A revoked key is refused with 401 like an unknown one, and stays on record.</summary>
    public bool Revoked { get; set; }
}
