using Microsoft.Playwright;
using Segmentation.Dashboard.Tests.Infrastructure;
using Segmentation.Silo.Dashboard.Components.Layout;
using static Microsoft.Playwright.Assertions;

namespace Segmentation.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class LayoutTests(DashboardFixture fixture)
{
    public static TheoryData<string, string, int> Pages()
    {
        var pages = new TheoryData<string, string, int>();
        foreach (var width in new[] { DashboardPage.DesktopWidth, DashboardPage.PhoneWidth })
        {
            pages.Add("/", "Overview", width);
            pages.Add("/segments", "Segments", width);
            pages.Add("/segments/vip", "VIP", width);
            pages.Add("/segments/new", "New segment", width);
            pages.Add("/customers", "Customers", width);
            pages.Add("/rfm", "RFM grid", width);
            pages.Add("/sends", "Sends", width);
            pages.Add("/triggers", "Triggers", width);
            pages.Add("/triggers/lapse/edit", "Edit lapse and win-back", width);
            pages.Add("/triggers/segment_entry/edit", "Edit segment entry", width);
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AtWidth_FitsWithoutSidewaysScrollingOrConsoleErrors(string path, string heading, int width)
    {
        await using var browser = await DashboardPage.OpenAsync(fixture, width);
        await browser.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword, path);

        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Navigation, new() { Name = "Sections" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(DashboardNavigation.Items.Count);
        var pageWidth = await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await browser.ScreenshotAsync("layout" + (path == "/" ? "-overview" : path.Replace('/', '-')));

        Assert.True(pageWidth <= width, $"The page is {pageWidth} px wide in a {width} px window.");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task SegmentPages_Viewer_OffersNoEditingAndRefusesTheEditor()
    {
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, "/segments/vip");
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "VIP", Level = 1 })).ToBeVisibleAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await browser.GoToAsync("/segments");
        await Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "New segment" })).ToHaveCountAsync(0);

        await browser.Page.GotoAsync("/segments/vip/edit");

        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("access-denied");
        Assert.Empty(browser.Errors);
    }
}
