using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Segmentation.Performance.Baseline;

namespace Segmentation.Performance.Orchestration;

/// <summary>Posts small batches of track calls to a tracking API (<c>/v1/batch</c>, HTTP Basic write key).</summary>
internal sealed class TrackingPoster(HttpClient http, Uri baseUrl, string writeKey)
{
    private readonly Uri _batchUrl = new(baseUrl, "v1/batch");
    private readonly AuthenticationHeaderValue _authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));

    /// <summary>A freshness probe: one <c>Latency Probe</c> track call of the new customer <paramref name="customerId"/>.</summary>
    public Task<bool> ProbeAsync(string customerId, CancellationToken cancellationToken) =>
        TrackAsync(customerId, BaselineSegment.ProbeEvent, [customerId], cancellationToken);

    /// <summary>One track call per message id, all for <paramref name="userId"/>; true when acknowledged (2xx).</summary>
    public async Task<bool> TrackAsync(string userId, string eventName, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var body = new
        {
            batch = messageIds.Select(id => new { type = "track", messageId = id, userId, @event = eventName, timestamp = now }).ToArray(),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _batchUrl) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
