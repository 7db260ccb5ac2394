using Microsoft.Playwright;
using Segmentation.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Segmentation.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture)
{
    [Fact]
    public async Task SignIn_DevelopmentEditorAccount_ShowsOverviewWithLiveFigures()
    {
        await using var browser = await DashboardPage.OpenAsync(fixture);

        await browser.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword);

        await Expect(browser.Page).ToHaveURLAsync(new Uri(fixture.Silo.BaseAddress, "/").ToString());
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(browser.Page.GetByTestId("live-activations")).Not.ToHaveTextAsync("0");
        await Expect(browser.Page.Locator(".topbar .role")).ToHaveTextAsync("editor");
        await browser.ScreenshotAsync("overview");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnSignInWithMessage()
    {
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.Page.GotoAsync("/segments");

        await browser.Page.GetByLabel("User name").FillAsync(DevelopmentAccounts.EditorUserName);
        await browser.Page.GetByLabel("Password").FillAsync("not-the-password");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The user name or the password is not right.");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await browser.ScreenshotAsync("signin-refused");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task SignOut_SignedIn_ReturnsToSignInAndPagesNeedSignInAgain()
    {
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword);

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await browser.Page.GotoAsync("/rfm");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2Frfm$"));
        Assert.Empty(browser.Errors);
    }
}
