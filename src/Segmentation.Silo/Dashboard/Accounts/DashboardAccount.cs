namespace Segmentation.Silo.Dashboard.Accounts;

/// <summary>One marketer account, an item of <c>Segmentation:Dashboard:Accounts</c>.</summary>
public sealed class DashboardAccount
{
    /// <summary>The name typed at sign-in (compared case-insensitively). Never logged.</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>The password's PBKDF2 hash as <see cref="DashboardPasswordHasher"/> makes it; never the password itself.</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>What the account may do: <c>Viewer</c> reads, <c>Editor</c> also creates and edits.</summary>
    public DashboardRole Role { get; set; } = DashboardRole.Viewer;
}
