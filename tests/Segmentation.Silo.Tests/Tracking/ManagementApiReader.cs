using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Segmentation.Silo.Tests.Tracking;

/// <summary>Reads from a running silo process through its management API (<c>GET /api/...</c>).</summary>
internal static class ManagementApiReader
{
    /// <summary>The management key that <see cref="TrackingTestSilo.ProcessEnvironment"/> configures.</summary>
    public const string Key = "tracking-tests-management-key-0000000001";

    /// <summary>The <c>profile</c> of the customer, as JSON; fails the test unless the API answers 200.</summary>
    public static async Task<JsonElement> GetProfileAsync(Uri baseAddress, string customerId, CancellationToken cancellationToken) =>
        (await GetCustomerAsync(baseAddress, customerId, cancellationToken)).GetProperty("profile");

    /// <summary>The whole answer of <c>GET /api/customers/{id}</c> (profile, segments, pending triggers, sends).</summary>
    public static Task<JsonElement> GetCustomerAsync(Uri baseAddress, string customerId, CancellationToken cancellationToken) =>
        GetJsonAsync(baseAddress, $"api/customers/{Uri.EscapeDataString(customerId)}", cancellationToken);

    /// <summary>The JSON answer of a GET with the management key; fails the test unless the API answers 200.</summary>
    public static async Task<JsonElement> GetJsonAsync(Uri baseAddress, string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
