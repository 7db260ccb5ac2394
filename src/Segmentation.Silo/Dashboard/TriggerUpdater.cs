using Microsoft.AspNetCore.Components.Authorization;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Triggers;

namespace Segmentation.Silo.Dashboard;

/// <summary>
/// Saves the trigger edits of the dashboard through <see cref="TriggerDirectory"/>: only for a signed-in editor (checked
/// here again, whatever the page offered, so that a viewer's forged edit is refused), recorded with the editor's user name.
/// </summary>
public sealed class TriggerUpdater(
    DashboardUser user, AuthenticationStateProvider authentication, TriggerDirectory triggers, ILogger<TriggerUpdater> logger)
{
    /// <summary>Saves <paramref name="settings"/> as the settings of their trigger.</summary>
    /// <returns>The directory's answer (saved, or every invalid setting); null when the signed-in user may not edit, and nothing was saved.</returns>
    public async Task<TriggerUpdateResult?> UpdateAsync(TriggerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!await user.CanEditAsync())
        {
            DashboardLog.TriggerEditRefused(logger, settings.Trigger);
            return null;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        var editor = state.User.Identity?.Name ?? throw new InvalidOperationException("A signed-in editor has a user name.");
        var result = await triggers.UpdateAsync(settings.Trigger, settings, editor, cancellationToken);
        if (result.Status == TriggerUpdateStatus.Updated)
        {
            DashboardLog.TriggerSaved(logger, settings.Trigger, settings.Enabled);
        }

        return result;
    }
}
