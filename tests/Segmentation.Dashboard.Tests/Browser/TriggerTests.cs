using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Segmentation.Dashboard.Tests.Infrastructure;
using Segmentation.Domain.Triggers;
using Segmentation.Domain.Triggers.Settings;
using Segmentation.Grains.Customers;
using Segmentation.Grains.Triggers;
using Segmentation.Silo.Dashboard.Components;
using Segmentation.Silo.Dashboard.Components.Pages.Triggers;
using static Microsoft.Playwright.Assertions;

namespace Segmentation.Dashboard.Tests.Browser;

/// <summary>
/// The triggers page and the trigger editor in the browser. Each test first puts the trigger it edits into a known state
/// through <see cref="TriggerDirectory"/> (as <see cref="Arranger"/>), so that no test depends on another's edits.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TriggerTests(DashboardFixture fixture)
{
    private const string Arranger = "dashboard-tests";

    private TriggerDirectory Directory => fixture.Silo.Services.GetRequiredService<TriggerDirectory>();

    [Fact]
    public async Task EditTrigger_InvalidThenValidDelay_ShowsTheMessageAtTheFieldSavesNothingThenSavesAndKeepsIt()
    {
        await ArrangeAsync(new CartAbandonmentSettings());
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword, "/triggers");
        var page = browser.Page;
        await browser.ScreenshotAsync("triggers");
        await Section(page, TriggerNames.CartAbandonment).GetByRole(AriaRole.Link, new() { Name = "Edit cart abandonment settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit cart abandonment", Level = 1 })).ToBeVisibleAsync();
        await browser.WaitForInteractiveAsync();
        var delay = page.GetByLabel("Delay", new() { Exact = true });
        var unit = page.GetByLabel("Delay unit");
        await Expect(delay).ToHaveValueAsync("1");
        await Expect(unit).ToHaveValueAsync(nameof(DurationUnit.Hours));

        await delay.FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByTestId("error-Delay")).ToHaveTextAsync("Delay must be from 1 minute to 30 days; got 00:00:00.");
        await Expect(delay).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("saved")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("trigger-editor-error");
        var unsaved = await Directory.GetAsync(TriggerNames.CartAbandonment);
        Assert.Equal(Arranger, unsaved!.ChangedBy);
        Assert.Equal(TimeSpan.FromHours(1), ((CartAbandonmentSettings)unsaved.Settings).Delay);

        await delay.FillAsync("45");
        await unit.SelectOptionAsync(nameof(DurationUnit.Minutes));
        await page.GetByLabel("Template id", new() { Exact = true }).FillAsync("d-cart-dashboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByTestId("saved")).ToContainTextAsync("Cart abandonment is disabled, and these settings are in force");
        await Expect(page.GetByTestId("error-Delay")).ToHaveCountAsync(0);
        await Expect(delay).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(page.GetByTestId("trigger-changes").Locator("tbody tr").First).ToContainTextAsync(DevelopmentAccounts.EditorUserName);
        await browser.ScreenshotAsync("trigger-editor-saved");

        await page.ReloadAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(delay).ToHaveValueAsync("45");
        await Expect(unit).ToHaveValueAsync(nameof(DurationUnit.Minutes));
        await Expect(page.GetByLabel("Template id", new() { Exact = true })).ToHaveValueAsync("d-cart-dashboard");
        var saved = await Directory.GetAsync(TriggerNames.CartAbandonment);
        var inForce = (CartAbandonmentSettings)saved!.Settings;
        Assert.Equal(DevelopmentAccounts.EditorUserName, saved.ChangedBy);
        Assert.Equal(TimeSpan.FromMinutes(45), inForce.Delay);
        Assert.Equal("d-cart-dashboard", inForce.TemplateId);
        Assert.False(inForce.Enabled);

        await browser.GoToAsync("/triggers");
        var section = Section(page, TriggerNames.CartAbandonment);
        await Expect(section.Locator("dd[data-field='Delay']")).ToHaveTextAsync("45 minutes");
        await Expect(section.GetByTestId("trigger-change")).ToContainTextAsync($"Last changed by {DevelopmentAccounts.EditorUserName} at");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task EditTrigger_SegmentEntry_SavesTheSegmentsPicked()
    {
        await ArrangeAsync(new SegmentEntrySettings());
        try
        {
            await using var browser = await DashboardPage.OpenAsync(fixture);
            await browser.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword, "/triggers/segment_entry/edit");
            var page = browser.Page;

            await page.GetByRole(AriaRole.Group, new() { Name = "Segments" }).GetByLabel("VIP vip").CheckAsync();
            await page.GetByLabel("Enabled", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            await Expect(page.GetByTestId("saved")).ToContainTextAsync("Segment entry is enabled");
            var saved = (SegmentEntrySettings)(await Directory.GetAsync(TriggerNames.SegmentEntry))!.Settings;
            Assert.Equal(["vip"], saved.SegmentIds!);
            Assert.True(saved.Enabled);
            await browser.GoToAsync("/triggers");
            await Expect(Section(page, TriggerNames.SegmentEntry).Locator("dd[data-field='SegmentIds']").GetByRole(AriaRole.Link, new() { Name = "VIP" }))
                .ToHaveAttributeAsync("href", "segments/vip");
            Assert.Empty(browser.Errors);
        }
        finally
        {
            await ArrangeAsync(new SegmentEntrySettings());
        }
    }

    [Fact]
    public async Task TriggerList_EditorFlipsTheSwitchByKeyboardThenByMouse_EnablesThenDisablesTheTrigger()
    {
        await ArrangeAsync(new BrowseAbandonmentSettings());
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword, "/triggers");
        var section = Section(browser.Page, TriggerNames.BrowseAbandonment);
        var toggle = section.GetByRole(AriaRole.Switch, new() { Name = "Browse abandonment enabled" });
        await Expect(section.GetByTestId("trigger-state")).ToHaveTextAsync("Disabled");

        await toggle.FocusAsync();
        await browser.Page.Keyboard.PressAsync("Space");

        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(section.GetByTestId("trigger-state")).ToHaveTextAsync("Enabled");
        await Expect(section.GetByTestId("trigger-outcome")).ToContainTextAsync("Saved: enabled");
        var enabled = await Directory.GetAsync(TriggerNames.BrowseAbandonment);
        Assert.True(enabled!.Settings.Enabled);
        Assert.Equal(DevelopmentAccounts.EditorUserName, enabled.ChangedBy);

        await section.Locator(".rz-switch").ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-checked", "false");
        await Expect(section.GetByTestId("trigger-state")).ToHaveTextAsync("Disabled");
        Assert.False((await Directory.GetAsync(TriggerNames.BrowseAbandonment))!.Settings.Enabled);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task TriggerPages_Viewer_SeesEverySettingReadOnlyAndIsRefusedTheEditor()
    {
        await ArrangeAsync(new CartAbandonmentSettings { TemplateId = "d-cart-viewed" });
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, "/triggers");
        var page = browser.Page;

        await Expect(page.Locator("section[data-trigger]")).ToHaveCountAsync(TriggerNames.All.Count);
        var cart = Section(page, TriggerNames.CartAbandonment);
        await Expect(cart.Locator("dd[data-field='TemplateId']")).ToHaveTextAsync("d-cart-viewed");
        await Expect(cart.Locator("dd[data-field='Delay']")).ToHaveTextAsync("1 hour");
        await Expect(cart.Locator("dd[data-field='SecondStepDelay']")).ToHaveTextAsync("1 day");
        await Expect(cart.GetByTestId("trigger-change")).ToContainTextAsync($"Last changed by {Arranger} at");
        await Expect(Section(page, TriggerNames.LoyaltyMilestone).Locator("dd[data-field='SpendThresholds']")).ToHaveTextAsync("500, 1000");
        await Expect(page.GetByTestId("frequency-cap")).ToHaveTextAsync("At most 2 marketing emails per customer in any 24 hours");
        await Expect(page.GetByTestId("quiet-hours")).ToContainTextAsync("21:00 to 08:00");
        await Expect(page.GetByRole(AriaRole.Switch)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("triggers-viewer");

        await page.GotoAsync("/triggers/cart_abandonment/edit");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task CustomerProfile_PendingCartAbandonment_ShowsTheReminderAndTheNextSegmentEvaluation()
    {
        var configured = await ArrangeAsync(new CartAbandonmentSettings { Enabled = true });
        var customerId = "cart-" + Guid.NewGuid().ToString("N")[..12];
        using var tracking = new TrackingApi(fixture.Silo.BaseAddress);
        // Triggers watch customers with an email address.
        await tracking.SendAsync(
            TrackingApi.Identify(customerId, new JsonObject { ["email"] = customerId + "@example.com" }),
            TrackingApi.Track(customerId, "Product Viewed", new JsonObject { ["product_id"] = "boot-1", ["name"] = "Rain boot", ["price"] = 60 }),
            TrackingApi.Track(customerId, "Product Added", new JsonObject { ["product_id"] = "boot-1", ["name"] = "Rain boot", ["price"] = 60, ["quantity"] = 1 }));
        try
        {
            await using var browser = await DashboardPage.OpenAsync(fixture);

            await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, "/customers/" + customerId);

            var reminder = browser.Page.GetByTestId("pending-reminders").Locator($"li[data-trigger='{TriggerNames.CartAbandonment}']");
            await Expect(reminder.GetByTestId("reminder-trigger")).ToHaveTextAsync("Cart abandonment");
            var customers = fixture.Silo.Services.GetRequiredService<CustomerDirectory>();
            var lookup = await customers.GetAsync(customerId);
            var cart = lookup.Profile!.Cart;
            var pending = Assert.Single(await customers.GetPendingTriggersAsync(customerId));
            Assert.Equal(TriggerNames.CartAbandonment, pending.Trigger);
            Assert.Equal(cart.LastModifiedAt!.Value + ((CartAbandonmentSettings)configured).Delay, pending.DueAt);
            await Expect(reminder.GetByTestId("reminder-due")).ToHaveTextAsync(Display.Time(pending.DueAt));
            await Expect(reminder.GetByTestId("reminder-occurrence")).ToHaveTextAsync(pending.OccurrenceKey);
            // The cart also puts the customer in "Abandoned Cart" an hour after it changed: its segments are evaluated again by then.
            Assert.True(lookup.NextSegmentChangeAt <= cart.LastModifiedAt + TimeSpan.FromHours(1), $"Next segment change: {lookup.NextSegmentChangeAt}");
            await Expect(browser.Page.GetByTestId("segments-reminder-due")).ToHaveTextAsync(Display.Time(lookup.NextSegmentChangeAt!.Value));
            await browser.ScreenshotAsync("customer-profile-reminders");
            Assert.Empty(browser.Errors);
        }
        finally
        {
            await ArrangeAsync(new CartAbandonmentSettings());
        }
    }

    private static ILocator Section(IPage page, string trigger) => page.Locator($"section[data-trigger='{trigger}']");

    // Saves the settings as the arranger; returns them as in force.
    private async Task<TriggerSettings> ArrangeAsync(TriggerSettings settings)
    {
        var result = await Directory.UpdateAsync(settings.Trigger, settings, Arranger);
        Assert.Equal(TriggerUpdateStatus.Updated, result.Status);
        return result.Trigger!.Settings;
    }
}
