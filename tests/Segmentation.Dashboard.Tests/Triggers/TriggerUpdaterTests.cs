using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Segmentation.Dashboard.Tests.Infrastructure;
using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Triggers;
using Segmentation.Silo.Dashboard;
using Segmentation.Silo.Dashboard.Accounts;

namespace Segmentation.Dashboard.Tests.Triggers;

/// <summary>
/// The server side of trigger edits in the dashboard, on the real silo: whatever a page offered, an edit of an account
/// without the editor role (a forged event of the page's connection) saves nothing.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TriggerUpdaterTests(DashboardFixture fixture)
{
    private TriggerDirectory Directory => fixture.Silo.Services.GetRequiredService<TriggerDirectory>();

    [Fact]
    public async Task UpdateAsync_Viewer_IsRefusedAndSavesNothing()
    {
        var before = await Directory.GetAsync(TriggerNames.Birthday);
        var settings = (BirthdaySettings)before!.Settings.Clone();
        settings.Enabled = !settings.Enabled;
        settings.LocalTime = settings.LocalTime.AddMinutes(7);

        var result = await UpdaterFor(DashboardRole.Viewer).UpdateAsync(settings);

        Assert.Null(result);
        var after = await Directory.GetAsync(TriggerNames.Birthday);
        Assert.Equal(before.ChangedAt, after!.ChangedAt);
        Assert.Equal(JsonSerializer.Serialize(before.Settings), JsonSerializer.Serialize(after.Settings));
        Assert.Contains(fixture.Silo.Logs.Messages, static m => m.Contains("An edit of trigger birthday by an account without the editor role was refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_Editor_SavesWithTheEditorsName()
    {
        var settings = (BirthdaySettings)(await Directory.GetAsync(TriggerNames.Birthday))!.Settings;
        settings.LocalTime = settings.LocalTime.AddMinutes(1);

        var result = await UpdaterFor(DashboardRole.Editor, "editor-of-birthdays").UpdateAsync(settings);

        Assert.Equal(TriggerUpdateStatus.Updated, result!.Status);
        var saved = await Directory.GetAsync(TriggerNames.Birthday);
        Assert.Equal("editor-of-birthdays", saved!.ChangedBy);
        Assert.Equal(settings.LocalTime, ((BirthdaySettings)saved.Settings).LocalTime);
        Assert.DoesNotContain(fixture.Silo.Logs.Messages, static m => m.Contains("editor-of-birthdays", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_Editor_InvalidSettingsAreListedAndNotSaved()
    {
        var before = await Directory.GetAsync(TriggerNames.BrowseAbandonment);
        var settings = (BrowseAbandonmentSettings)before!.Settings;
        settings.MinViews = 1;

        var result = await UpdaterFor(DashboardRole.Editor).UpdateAsync(settings);

        Assert.Equal(TriggerUpdateStatus.Invalid, result!.Status);
        Assert.Equal("MinViews must be a whole number from 2 to 100; got 1.", Assert.Single(result.Errors).Message);
        Assert.Equal(before.ChangedAt, (await Directory.GetAsync(TriggerNames.BrowseAbandonment))!.ChangedAt);
    }

    private TriggerUpdater UpdaterFor(DashboardRole role, string userName = "someone")
    {
        var services = fixture.Silo.Services;
        var principal = DashboardPrincipal.For(new DashboardAccount { UserName = userName, Role = role });
        var authentication = new SignedIn(principal);
        return new TriggerUpdater(
            new DashboardUser(authentication, services.GetRequiredService<IAuthorizationService>()),
            authentication,
            Directory,
            services.GetRequiredService<ILogger<TriggerUpdater>>());
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
