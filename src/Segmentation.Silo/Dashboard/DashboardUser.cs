using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Segmentation.Silo.Dashboard;

/// <summary>
/// The signed-in marketer of the current page. Editor actions check it again when they run, beside the page's own
/// authorization, so that a viewer's request to change something is refused wherever it comes from.
/// </summary>
public sealed class DashboardUser(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<bool> CanEditAsync() => await EditorNameAsync() is not null;

    /// <summary>The user name of the signed-in account when it is an editor; null for a viewer or nobody.</summary>
    public async Task<string?> EditorNameAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var allowed = (await authorization.AuthorizeAsync(state.User, DashboardAuthentication.EditorPolicy)).Succeeded;
        return allowed ? state.User.Identity?.Name ?? string.Empty : null;
    }
}
