using Microsoft.Playwright;

namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>
/// A browser page on the dashboard in a fresh context (no cookies), at a given width, that records every console
/// error and uncaught script error, and saves screenshots under <see cref="Screenshots.Directory"/>.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    public const int DesktopWidth = 1280;
    public const int PhoneWidth = 390;

    /// <summary>How long an expectation waits for the page (live figures, evaluation) before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private DashboardPage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        Page = page;
        BaseAddress = baseAddress;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    /// <summary>Console and script errors seen so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public static async Task<DashboardPage> OpenAsync(DashboardFixture fixture, int width = DesktopWidth)
    {
        var context = await fixture.Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Silo.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = width == PhoneWidth ? 844 : 900 },
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        return new DashboardPage(context, await context.NewPageAsync(), fixture.Silo.BaseAddress);
    }

    /// <summary>Signs in through the form and waits for the page it returns to to be interactive.</summary>
    public async Task SignInAsync(string userName, string password, string returnPath = "/")
    {
        await Page.GotoAsync(returnPath);
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitForInteractiveAsync();
    }

    /// <summary>Opens a page of the dashboard and waits until it is connected (buttons and live updates work).</summary>
    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    public Task WaitForInteractiveAsync() =>
        Assertions.Expect(Page.Locator("main[data-interactive='true']")).ToBeVisibleAsync();

    /// <summary>Saves a full-page screenshot named after the page and the width.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor($"{name}-{Page.ViewportSize!.Width}"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
