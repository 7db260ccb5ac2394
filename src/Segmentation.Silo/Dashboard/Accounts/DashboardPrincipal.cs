using System.Security.Claims;

namespace Segmentation.Silo.Dashboard.Accounts;

/// <summary>The claims of a signed-in marketer: the user name and the role (an editor is also a viewer).</summary>
internal static class DashboardPrincipal
{
    public const string ViewerRole = "viewer";
    public const string EditorRole = "editor";

    public static ClaimsPrincipal For(DashboardAccount account)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, account.UserName), new(ClaimTypes.Role, ViewerRole) };
        if (account.Role == DashboardRole.Editor)
        {
            claims.Add(new Claim(ClaimTypes.Role, EditorRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, DashboardAuthentication.SchemeName));
    }
}
