using Microsoft.AspNetCore.Components.Routing;

namespace Segmentation.Silo.Dashboard.Components.Layout;

/// <summary>The dashboard's sections, in the order of the navigation; a new section adds its item here.</summary>
public static class DashboardNavigation
{
    public static IReadOnlyList<NavigationItem> Items { get; } =
    [
        new(string.Empty, "Overview", NavLinkMatch.All),
        new("segments", "Segments", NavLinkMatch.Prefix),
        new("customers", "Customers", NavLinkMatch.Prefix),
        new("rfm", "RFM grid", NavLinkMatch.Prefix),
        new("sends", "Sends", NavLinkMatch.Prefix),
        new("triggers", "Triggers", NavLinkMatch.Prefix),
    ];
}

/// <summary>One section of the navigation: its address relative to the base, its name and how its link matches.</summary>
public sealed record NavigationItem(string Href, string Title, NavLinkMatch Match);
