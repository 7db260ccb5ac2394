namespace Segmentation.Silo.Dashboard;

/// <summary>The dashboard's cookie scheme, its paths and its authorization policies.</summary>
public static class DashboardAuthentication
{
    /// <summary>The cookie authentication scheme of the dashboard (the host's default scheme).</summary>
    public const string SchemeName = "DashboardCookie";

    /// <summary>Any signed-in marketer: every page.</summary>
    public const string ViewerPolicy = "DashboardViewer";

    /// <summary>An editor: creating and editing.</summary>
    public const string EditorPolicy = "DashboardEditor";

    public const string CookieName = "segmentation.dashboard";

    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string AccessDeniedPath = "/access-denied";
}
