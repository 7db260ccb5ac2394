using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Segmentation.Performance.Orchestration;

/// <summary>The silo's management API as a run uses it (Bearer management key).</summary>
internal sealed class SiloApi(HttpClient http, Uri baseUrl, string managementKey)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Uri BaseUrl => baseUrl;

    /// <summary><c>GET /api/silo</c>.</summary>
    public Task<SiloStats> GetStatsAsync(CancellationToken cancellationToken) => GetAsync<SiloStats>("api/silo", cancellationToken);

    /// <summary><c>GET /api/segments/{id}</c>.</summary>
    public Task<SegmentState> GetSegmentAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<SegmentState>($"api/segments/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>Saves a segment with the given id; its backfill starts at once.</summary>
    public async Task CreateSegmentAsync(string id, string name, string rule, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "api/segments");
        request.Content = JsonContent.Create(new { id, name, rule }, options: Json);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every message id in a customer's timeline (all pages), with repeats as found.</summary>
    public async Task<List<string>> ReadTimelineAsync(string customerId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? before = null;
        do
        {
            var path = $"api/customers/{Uri.EscapeDataString(customerId)}/events?limit=200" + (before is null ? string.Empty : "&before=" + Uri.EscapeDataString(before));
            var page = await GetAsync<TimelinePage>(path, cancellationToken).ConfigureAwait(false);
            ids.AddRange(page.Events.Select(static e => e.MessageId));
            before = page.Next;
        }
        while (before is not null);

        return ids;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"GET {path} answered an empty body.");
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", managementKey);
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }
    }

    private sealed record TimelinePage(IReadOnlyList<TimelineEvent> Events, string? Next);

    private sealed record TimelineEvent(string MessageId);
}
