using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Segmentation.Dashboard.Tests.Infrastructure;
using Segmentation.Delivery.Sends;
using Segmentation.TestKit.Esp;
using static Microsoft.Playwright.Assertions;

namespace Segmentation.Dashboard.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed class SendTests(DashboardFixture fixture)
{
    [Fact]
    public async Task SendLog_DeadLetterRetriedByEditor_IsDeliveredWithTheSameIdAndRecordsTheEditor()
    {
        // Arrange: the ESP answers 500, and the editor watches the dead letters.
        var sends = new SendLogDriver(fixture.Silo);
        var customerId = SendLogDriver.NewCustomerId("dead-letter");
        fixture.Esp.Script(ReceiverAnswer.Status(500));
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword, "/sends");
        var page = browser.Page;
        await page.EvaluateAsync("() => window.notReloaded = true");
        await page.GetByLabel("Status").SelectOptionAsync("deadLettered");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sends\\?status=deadLettered$"));

        // Act 1: a send whose two attempts get 500 joins the open page as a dead letter.
        var intent = await sends.SendAsync(customerId);
        var row = page.Locator($"tr[data-send='{intent.SendId}']");
        await Expect(row.GetByTestId("send-status")).ToHaveTextAsync("Dead-lettered");
        await row.GetByText("2 attempts, last 500").ClickAsync();
        await Expect(row.GetByTestId("send-history")).ToContainTextAsync("Attempt 1: 500 (Internal Server Error), retrying");
        await Expect(row.GetByTestId("send-history")).ToContainTextAsync("Attempt 2: 500 (Internal Server Error), dead-lettered");
        await browser.ScreenshotAsync("sends-dead-letters");

        // Act 2: the ESP is back; the editor retries.
        fixture.Esp.Script(ReceiverAnswer.Ok);
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(page.GetByTestId("send-message")).ToContainTextAsync("is pending again");
        await page.GetByLabel("Status").SelectOptionAsync(string.Empty);
        await page.GetByLabel("Customer id").FillAsync(customerId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        // Assert
        await Expect(row.GetByTestId("send-status")).ToHaveTextAsync("Delivered");
        await row.GetByText("3 attempts, last 200").ClickAsync();
        await Expect(row.GetByTestId("send-history")).ToContainTextAsync($"Retried by {DevelopmentAccounts.EditorUserName}");
        await Expect(row.GetByTestId("send-history")).ToContainTextAsync("Attempt 3: 200, delivered");
        await browser.ScreenshotAsync("sends-retried");
        var send = await sends.Outbox.GetAsync(intent.SendId);
        Assert.Equal(DevelopmentAccounts.EditorUserName, Assert.Single(send!.Retries).RequestedBy);
        var posts = fixture.Esp.Requests.Where(r => r.WebhookId == intent.SendId).ToList();
        Assert.Equal(3, posts.Count);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "The page was loaded again.");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task SendLog_Viewer_SeesTheFailedSendWithoutARetryButton()
    {
        var sends = new SendLogDriver(fixture.Silo);
        var customerId = SendLogDriver.NewCustomerId("failed");
        fixture.Esp.Script(ReceiverAnswer.Status(422, "unknown template"));
        var intent = await sends.SendAsync(customerId);
        await sends.WaitForStatusAsync(intent.SendId, SendStatus.Failed);
        await using var browser = await DashboardPage.OpenAsync(fixture);

        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, $"/sends?customerId={customerId}&status=failed");

        var row = browser.Page.Locator($"tr[data-send='{intent.SendId}']");
        await Expect(row.GetByTestId("send-status")).ToHaveTextAsync("Failed");
        await row.GetByText("1 attempt, last 422").ClickAsync();
        await Expect(row.GetByTestId("send-history")).ToContainTextAsync("Attempt 1: 422 (unknown template), failed, not retried");
        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("sends-viewer");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task CustomerProfile_Sends_ListedWithStatusAndLinkedToTheSendLogWithTheSkipReason()
    {
        // Arrange: a customer with a delivered send and a skipped one.
        var sends = new SendLogDriver(fixture.Silo);
        var customerId = SendLogDriver.NewCustomerId("profile-sends");
        using var tracking = new TrackingApi(fixture.Silo.BaseAddress);
        await tracking.SendAsync(TrackingApi.Identify(customerId, new JsonObject { ["first_name"] = "Ada" }));
        fixture.Esp.Script(ReceiverAnswer.Ok);
        var delivered = await sends.SendAsync(customerId);
        await sends.WaitForStatusAsync(delivered.SendId, SendStatus.Delivered);
        var skip = await sends.SkipAsync(customerId, new SendSkipReason(SendSkipReasons.NoConsent, "Consent withdrawn before the reminder fired"));
        await using var browser = await DashboardPage.OpenAsync(fixture);

        // Act
        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, "/customers/" + customerId);
        var profileSends = browser.Page.GetByTestId("customer-sends");
        await Expect(profileSends.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(profileSends.Locator($"tr[data-send='{delivered.SendId}']").GetByTestId("send-status")).ToHaveTextAsync("Delivered");
        await Expect(profileSends.Locator($"tr[data-send='{skip.SendId}']").GetByTestId("send-status")).ToHaveTextAsync("Skipped");
        await browser.ScreenshotAsync("customer-sends");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "All of this customer's sends in the send log" }).ClickAsync();

        // Assert
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/sends\\?customerId={customerId}$"));
        await Expect(browser.Page.GetByTestId("sends").Locator("tbody tr")).ToHaveCountAsync(2);
        var skipped = browser.Page.Locator($"tr[data-send='{skip.SendId}']");
        await Expect(skipped.GetByTestId("skip-reason")).ToHaveTextAsync("no_consent: Consent withdrawn before the reminder fired");
        await Expect(browser.Page.GetByLabel("Customer id")).ToHaveValueAsync(customerId);
        await browser.ScreenshotAsync("sends-customer");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Overview_SendSkipped_SendsTodayCountRisesLive()
    {
        var sends = new SendLogDriver(fixture.Silo);
        await using var browser = await DashboardPage.OpenAsync(fixture);
        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword);
        var skippedToday = browser.Page.GetByTestId("sends-today-skipped");
        var before = long.Parse(await skippedToday.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

        await sends.SkipAsync(SendLogDriver.NewCustomerId("overview"), new SendSkipReason(SendSkipReasons.FrequencyCap));

        await Expect(skippedToday).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.InvariantCulture));
        await browser.ScreenshotAsync("overview-sends-today");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task SendLog_UnknownStatusInTheAddress_SaysWhatIsWrong()
    {
        await using var browser = await DashboardPage.OpenAsync(fixture);

        await browser.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword, "/sends?status=lost");

        await Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The status must be one of pending, delivered, failed, deadLettered, skipped.");
        Assert.Empty(browser.Errors);
    }
}
