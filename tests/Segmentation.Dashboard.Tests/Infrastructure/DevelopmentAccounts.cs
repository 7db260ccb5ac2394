namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>The development accounts and keys that silo-config/appsettings.Development.json documents.</summary>
public static class DevelopmentAccounts
{
    public const string EditorUserName = "marketer";
    public const string EditorPassword = "segmentation-development-password";
    public const string ViewerUserName = "analyst";
    public const string ViewerPassword = "segmentation-development-viewer-password";
    public const string WriteKey = "segmentation-development-write-key";
    public const string ManagementKey = "segmentation-development-management-key";
}
