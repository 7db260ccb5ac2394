namespace Segmentation.Silo.Management;

/// <summary>
/// Settings of the management API (<c>/api/customers</c>), bound from <c>Segmentation:Management</c> and checked at
/// start by <see cref="ManagementApiOptionsValidator"/>. Read once at start: adding or revoking a key takes a restart.
/// </summary>
public sealed class ManagementApiOptions
{
    public const string SectionName = "Segmentation:Management";

    /// <summary>
    /// The keys callers authenticate with. None by default: without an active key every management request is
    /// refused with 401 (the development settings carry a documented development key).
    /// </summary>
    public List<ManagementApiKey> ApiKeys { get; set; } = [];
}
