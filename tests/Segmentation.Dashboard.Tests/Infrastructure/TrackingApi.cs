using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Segmentation.Dashboard.Tests.Infrastructure;

/// <summary>Sends events to the silo's tracking API as a shop would (<c>POST /v1/batch</c> with the development write key).</summary>
public sealed class TrackingApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = baseAddress,
        DefaultRequestHeaders =
        {
            Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(DevelopmentAccounts.WriteKey + ":"))),
        },
    };

    public static JsonObject Track(string userId, string name, JsonObject properties) => new()
    {
        ["type"] = "track",
        ["userId"] = userId,
        ["event"] = name,
        ["properties"] = properties,
        ["messageId"] = Guid.NewGuid().ToString("N"),
    };

    public static JsonObject Identify(string userId, JsonObject traits) => new()
    {
        ["type"] = "identify",
        ["userId"] = userId,
        ["traits"] = traits,
        ["messageId"] = Guid.NewGuid().ToString("N"),
    };

    /// <summary>Sends the calls in one batch; returns once the silo has made them durable (200).</summary>
    public async Task SendAsync(params JsonObject[] calls)
    {
        using var response = await _http.PostAsJsonAsync("v1/batch", new JsonObject { ["batch"] = new JsonArray(calls) });
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
