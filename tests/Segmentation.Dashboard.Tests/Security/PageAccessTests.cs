using System.Net;
using System.Net.Http.Headers;
using Segmentation.Dashboard.Tests.Infrastructure;

namespace Segmentation.Dashboard.Tests.Security;

[Collection(DashboardCollection.Name)]
public sealed class PageAccessTests(DashboardFixture fixture)
{
    public static TheoryData<string> Pages =>
    [
        "/", "/segments", "/segments/new", "/segments/vip", "/segments/vip/edit", "/segments/vip/members.csv",
        "/customers", "/customers?query=someone%40example.com", "/customers/someone", "/rfm", "/rfm?r=5&f=5",
        "/sends", "/sends?status=deadLettered&customerId=someone",
        "/triggers", "/triggers/cart_abandonment/edit",
    ];

    public static TheoryData<string> ManagementEndpoints =>
    [
        "/api/customers?query=someone", "/api/customers/someone", "/api/customers/someone/events", "/api/segments",
        "/api/segments/vip", "/api/segments/vip/members", "/api/segments/vip/members.csv", "/api/segments/vip/history",
        "/api/sends", "/api/sends/snd_00000000000000000000000000000000",
        "/api/triggers", "/api/triggers/cart_abandonment",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_NotSignedIn_RedirectsToSignInWithReturnUrl(string path)
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/signin?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(ManagementEndpoints))]
    public async Task ManagementEndpoint_SignedInToDashboardWithoutKey_Answers401(string path)
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);
        using var signedIn = await http.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ManagementEndpoint_WithKey_StillAnswers()
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/segments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentAccounts.ManagementKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/segments/new")]
    [InlineData("/segments/vip/edit")]
    [InlineData("/triggers/cart_abandonment/edit")]
    public async Task EditorPage_Viewer_IsRefused(string path)
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);
        using var signedIn = await http.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword);

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task EditorPage_Editor_IsServed()
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);
        using var signedIn = await http.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword);

        using var response = await http.GetAsync("/segments/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SetsNoCookie()
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);

        using var response = await http.SignInAsync(DevelopmentAccounts.EditorUserName, "wrong-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(http.Cookies.GetCookies(fixture.Silo.BaseAddress), static c => c.Name == "segmentation.dashboard");
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefusedWithFriendlyPage()
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);
        using var signedIn = await http.SignInAsync(DevelopmentAccounts.EditorUserName, DevelopmentAccounts.EditorPassword);

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        using var stillSignedIn = await http.GetAsync("/rfm");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task UnknownPage_SignedIn_AnswersFriendly404WithoutDetails()
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);
        using var signedIn = await http.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword);

        using var response = await http.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_ApiClient_AnswersProblemDetails()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MembersCsv_SignedIn_DownloadsMembers()
    {
        using var http = new DashboardHttp(fixture.Silo.BaseAddress);
        using var signedIn = await http.SignInAsync(DevelopmentAccounts.ViewerUserName, DevelopmentAccounts.ViewerPassword);

        using var response = await http.GetAsync("/segments/recent-buyers/members.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("customer_id,since\r\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
