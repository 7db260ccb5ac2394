using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Segmentation.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Segmentation.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class SegmentTests(DashboardFixture fixture)
{
    [Fact]
    public async Task CreateSegment_SyntaxErrorThenValidRule_ShowsErrorAtItsPositionThenSavesAndCountsLive()
    {
        var category = "cat" + Guid.NewGuid().ToString("N")[..10];
        var name = "Browsed " + category;
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword, "/segments/new");
        var page = browser.Page;

        await page.GetByLabel("Name").FillAsync(name);
        var rule = page.GetByLabel("Rule");
        await rule.FillAsync($"count(\"Product Viewed\" where category = \"{category}\", 7d) >= 1 andd views(7d) > 0");

        await Expect(page.GetByTestId("rule-error")).ToContainTextAsync("Line 1, column");
        await Expect(rule).ToHaveAttributeAsync("aria-invalid", "true");
        var marker = await page.GetByTestId("rule-error-position").InnerTextAsync();
        Assert.Equal(marker.Split('\n')[0].IndexOf("andd", StringComparison.Ordinal), marker.Split('\n')[1].IndexOf('^'));
        await browser.ScreenshotAsync("segment-editor-error");

        await rule.FillAsync($"count(\"Product Viewed\" where category = \"{category}\", 7d) >= 1");
        await Expect(page.GetByTestId("rule-error")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("preview-count")).ToHaveTextAsync("0");
        await browser.ScreenshotAsync("segment-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await browser.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("segment-members")).ToHaveTextAsync("0");
        using var tracking = new TrackingApi(fixture.Silo.BaseAddress);
        await tracking.SendAsync(
            [.. Enumerable.Range(0, 3).Select(i => TrackingApi.Track(
                $"{category}-shopper-{i}", "Product Viewed", new JsonObject { ["product_id"] = "p1", ["category"] = category }))]);

        await Expect(page.GetByTestId("segment-members")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("members").Locator("tbody tr")).ToHaveCountAsync(3);
        await browser.ScreenshotAsync("segment-detail");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task SegmentList_EventsPosted_CountChangesWithoutReload()
    {
        var category = "cat" + Guid.NewGuid().ToString("N")[..10];
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword, "/segments/new");
        await browser.Page.GetByLabel("Name").FillAsync("Listed " + category);
        await browser.Page.GetByLabel("Rule").FillAsync($"count(\"Product Viewed\" where category = \"{category}\", 7d) >= 1");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Listed " + category })).ToBeVisibleAsync();
        await browser.GoToAsync("/segments");
        var row = browser.Page.Locator("tr", new() { Has = browser.Page.GetByRole(AriaRole.Link, new() { Name = "Listed " + category }) });
        await Expect(row.GetByTestId("segment-count")).ToHaveTextAsync("0");

        using var tracking = new TrackingApi(fixture.Silo.BaseAddress);
        await tracking.SendAsync(
            TrackingApi.Track($"{category}-a", "Product Viewed", new JsonObject { ["category"] = category }),
            TrackingApi.Track($"{category}-b", "Product Viewed", new JsonObject { ["category"] = category }));

        await Expect(row.GetByTestId("segment-count")).ToHaveTextAsync("2");
        await browser.ScreenshotAsync("segments");
        Assert.Empty(browser.Errors);
    }
}
