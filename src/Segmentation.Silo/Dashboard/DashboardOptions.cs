using Segmentation.Silo.Dashboard.Accounts;

namespace Segmentation.Silo.Dashboard;

/// <summary>
/// Settings of the marketers' dashboard, bound from <c>Segmentation:Dashboard</c> and checked at start by
/// <see cref="DashboardOptionsValidator"/>. Read once at start: a new account or password takes a restart.
/// </summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Segmentation:Dashboard";

    /// <summary>
    /// The marketers who may sign in. None by default: without an account nobody can sign in (the development
    /// settings carry documented development accounts).
    /// </summary>
    public List<DashboardAccount> Accounts { get; set; } = [];

    /// <summary>How often the live figures (events per second, counts) are sampled and pushed to open pages. Default: 2 seconds.</summary>
    public TimeSpan LiveUpdateInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a sign-in lasts without use (sliding). Default: 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
