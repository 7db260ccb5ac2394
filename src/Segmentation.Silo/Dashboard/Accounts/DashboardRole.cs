namespace Segmentation.Silo.Dashboard.Accounts;

/// <summary>What a dashboard account may do.</summary>
public enum DashboardRole
{
    /// <summary>Sees every page; changes nothing.</summary>
    Viewer,

    /// <summary>Also creates and edits segments.</summary>
    Editor,
}
