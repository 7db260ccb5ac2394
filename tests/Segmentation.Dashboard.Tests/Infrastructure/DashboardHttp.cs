using System.Net;
using System.Text.RegularExpressions;

namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>
/// Plain HTTP to the dashboard, as a browser without scripts would send it (asking for HTML): cookies kept, redirects
/// not followed, so that a test sees where each answer leads.
/// </summary>
public sealed partial class DashboardHttp : IDisposable
{
    private readonly HttpClient _http;

    public DashboardHttp(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Signs in through the sign-in form (with its antiforgery token); returns the answer to the post.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var form = await _http.GetStringAsync("signin");
        return await _http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string AntiforgeryToken(string html) => TokenField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
