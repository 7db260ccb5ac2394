using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Segmentation.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Segmentation.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class CustomerTests(DashboardFixture fixture)
{
    [Fact]
    public async Task CustomerProfile_FoundByEmail_ShowsProfileSectionsAndTimeline()
    {
        var shopper = Shopper.Create();
        using var tracking = new TrackingApi(fixture.Silo.BaseAddress);
        await tracking.SendAsync(shopper.History());
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, "/customers");

        await browser.Page.GetByLabel("Customer id or email").FillAsync(shopper.Email.ToUpperInvariant());
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await browser.ScreenshotAsync("customer-search");
        await browser.Page.GetByTestId("customer-results").GetByRole(AriaRole.Link, new() { Name = shopper.Id }).ClickAsync();

        var page = browser.Page;
        await Expect(page.GetByTestId("customer-id")).ToHaveTextAsync(shopper.Id);
        await Expect(page.GetByTestId("email")).ToHaveTextAsync(shopper.Email);
        await Expect(page.GetByTestId("consent")).ToHaveTextAsync("Subscribed");
        await Expect(page.GetByTestId("lifecycle")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("recent-views")).ToContainTextAsync("Trail shoe");
        await Expect(page.GetByTestId("recent-searches")).ToContainTextAsync("waterproof boots");
        await Expect(page.GetByTestId("orders")).ToContainTextAsync(shopper.OrderId);
        await Expect(page.GetByTestId("customer-segments")).ToContainTextAsync("Recent Buyers");
        await Expect(page.GetByTestId("rfm-cell")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("timeline").Locator("tbody tr")).ToHaveCountAsync(shopper.History().Length);
        await browser.ScreenshotAsync("customer-profile");
        Assert.Empty(browser.Errors);
        Assert.DoesNotContain(fixture.Silo.Logs.Messages, message =>
            message.Contains(shopper.Email, StringComparison.OrdinalIgnoreCase) || message.Contains(shopper.LastName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RfmGrid_CellOfCustomerChosen_ListsThatCustomer()
    {
        var shopper = Shopper.Create();
        using var tracking = new TrackingApi(fixture.Silo.BaseAddress);
        await tracking.SendAsync(shopper.History());
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, "/customers/" + shopper.Id);
        var cellLink = browser.Page.GetByTestId("rfm-cell");
        await Expect(cellLink).ToBeVisibleAsync();
        var cellName = await cellLink.InnerTextAsync();
        var address = new Uri(fixture.Silo.BaseAddress, await cellLink.GetAttributeAsync("href"));
        var cell = System.Web.HttpUtility.ParseQueryString(address.Query);

        await browser.GoToAsync("/rfm");
        await Expect(browser.Page.GetByTestId("rfm-grid").Locator("a[data-cell]")).ToHaveCountAsync(25);
        await browser.ScreenshotAsync("rfm");
        await browser.Page.Locator($"a[data-cell='{cell["r"]}{cell["f"]}']").ClickAsync();

        var customers = browser.Page.GetByTestId("rfm-cell-customers");
        await Expect(customers.GetByRole(AriaRole.Heading)).ToContainTextAsync($"R{cell["r"]} F{cell["f"]}, {cellName}");
        await Expect(customers.GetByRole(AriaRole.Link, new() { Name = shopper.Id })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("rfm-cell");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task CustomerTimeline_MoreEventsThanAPage_PagesForwardAndBack()
    {
        var shopper = Shopper.Create();
        using var tracking = new TrackingApi(fixture.Silo.BaseAddress);
        await tracking.SendAsync(
            [.. Enumerable.Range(0, 25).Select(i => TrackingApi.Track(shopper.Id, "Product Viewed", new JsonObject { ["product_id"] = $"p-{i}" }))]);
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, "/customers/" + shopper.Id);
        var rows = browser.Page.GetByTestId("timeline").Locator("tbody tr");
        var pager = browser.Page.GetByRole(AriaRole.Navigation, new() { Name = "Timeline pages" });
        await Expect(rows).ToHaveCountAsync(20);

        await pager.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeDisabledAsync();

        await pager.GetByRole(AriaRole.Button, new() { Name = "Previous" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "Previous" })).ToBeDisabledAsync();
        Assert.Empty(browser.Errors);
    }

    /// <summary>A shopper of this test only: an identify with consent, views, a search, a cart add and an order.</summary>
    private sealed record Shopper(string Id, string Email, string LastName, string OrderId)
    {
        public static Shopper Create()
        {
            var unique = Guid.NewGuid().ToString("N")[..12];
            return new Shopper($"shopper-{unique}", $"jane.{unique}@example.com", $"Lastname{unique}", $"order-{unique}");
        }

        public JsonObject[] History() =>
        [
            TrackingApi.Identify(Id, new JsonObject
            {
                ["email"] = Email,
                ["first_name"] = "Jane",
                ["last_name"] = LastName,
                ["email_consent"] = "subscribed",
            }),
            TrackingApi.Track(Id, "Product Viewed", new JsonObject { ["product_id"] = "trail-1", ["name"] = "Trail shoe", ["category"] = "shoes", ["price"] = 89 }),
            TrackingApi.Track(Id, "Products Searched", new JsonObject { ["query"] = "waterproof boots" }),
            TrackingApi.Track(Id, "Product Added", new JsonObject { ["product_id"] = "sock-1", ["name"] = "Wool socks", ["price"] = 12, ["quantity"] = 2 }),
            TrackingApi.Track(Id, "Order Completed", new JsonObject
            {
                ["order_id"] = OrderId,
                ["revenue"] = 89,
                ["currency"] = "USD",
                ["products"] = new JsonArray(new JsonObject { ["product_id"] = "trail-1", ["name"] = "Trail shoe", ["price"] = 89, ["quantity"] = 1 }),
            }),
        ];
    }
}
